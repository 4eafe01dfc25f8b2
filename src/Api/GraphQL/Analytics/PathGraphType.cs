using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Links;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Analytics.Paths;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class PathGraphType : ObjectGraphType<Projected<FoundPath>>
{
    public PathGraphType()
    {
        Name = "Path";
        Description = "A shortest path: nodes from the first to the last, and the link between each two consecutive nodes.";
        Field<NonNullGraphType<IntGraphType>>("hops").Description("Links on the path.").Resolve(c => c.Source.Value.Hops);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("The nodes along the path, from its start to its end.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Nodes.Select(n => c.Source.Projection.Ids[n]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkGraphType>>>>("links").Description("The links along the path, in order.")
            .Resolve(c => c.Loaders().Links(c.Source.Value.Links.Select(l => c.Source.Projection.LinkIds[l]).ToList()));
    }
}
