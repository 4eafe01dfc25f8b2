using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Analytics.Scoping;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class ScopeNetworkType : ObjectGraphType<Projected<ScopeNetworkReport>>
{
    public ScopeNetworkType()
    {
        Name = "ScopeNetwork";
        Description = "A scope's network as one draws it: its actors, the policies linked to them, and the links among these nodes.";
        Field<NonNullGraphType<IntGraphType>>("actors").Description("Actors in scope.").Resolve(c => c.Source.Value.Actors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("actorsByKind")
            .Description("Actors in scope by kind, most numerous first.")
            .Resolve(c => c.Source.Value.ByKind.Select(k => new KindCount(k.Kind, k.Count)));
        Field<NonNullGraphType<IntGraphType>>("policies").Description("Policies linked to an actor in scope by one of the link types (a programme present there).").Resolve(c => c.Source.Value.Policies);
        Field<NonNullGraphType<IntGraphType>>("links").Description("Links of those types between two nodes of the network (actors in scope and those policies).").Resolve(c => c.Source.Value.Links);
        Field<NonNullGraphType<IntGraphType>>("isolated").Description("Nodes of the network with none of those links: known there, connected to nothing there.").Resolve(c => c.Source.Value.Isolated);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("Whether nodes holds fewer than actors + policies (raise first to have more).").Resolve(c => c.Source.Value.Truncated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes")
            .Description("The first nodes of the network by number of links in it, most linked first, then by id.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Nodes.Select(n => c.Source.Projection.Ids[n]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Links.LinkGraphType>>>>("edges")
            .Description("The links between two of the nodes returned.")
            .Resolve(c => c.Loaders().Links(c.Source.Value.Edges.Select(l => c.Source.Projection.LinkIds[l]).ToList()));
    }
}
