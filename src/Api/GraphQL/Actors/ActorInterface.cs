using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Territories;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Actors;

public sealed class ActorInterface : InterfaceGraphType<Node>
{
    public ActorInterface()
    {
        Name = "Actor";
        Description = "A node that acts: an authority, one of its services, an SSE organisation, a university or lab, an innovation lab.";
        Interface<NodeInterface>();
        // Declarations only: each actor type resolves these fields through ActorFields.
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("description");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags");
        Field<StringGraphType>("source");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt");
        Field<NonNullGraphType<ActorKindType>>("kind");
        Field<TerritoryType>("territory");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Themes.ThemeType>>>>("themes");
        Field<NonNullGraphType<Links.LinkConnectionType>>("links")
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("types")
            .Argument<IntGraphType>("first", a => a.DefaultValue = Paging.Paging.DefaultFirst)
            .Argument<StringGraphType>("after");
    }
}

/// <summary>The fields of the Actor interface, added to the interface and to each actor type.</summary>
public static class ActorFields
{
    public static void Add<T>(ObjectGraphType<T> type) where T : Node
    {
        NodeFields.AddCommon(type);
        type.Field<NonNullGraphType<ActorKindType>>("kind").Resolve(c => c.Source.Kind.ToActorKind());
        type.Field<TerritoryType>("territory").Description("Where the actor is located (LOCATED_IN).")
            .Resolve(c => c.Loaders().NeighbourNode(c.Source.Id, LinkType.LocatedIn, LinkDirection.Outgoing));
        NodeFields.AddThemes(type, LinkType.WorksOn);
        NodeFields.AddLinks(type);
    }
}
