using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Paging;
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
        this.ResolvedByPossibleTypes();
        Interface<NodeInterface>();
        // Declarations only: each actor type resolves these fields through ActorFields.
        Field<NonNullGraphType<IdGraphType>>("id").Description(NodeFields.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description(NodeFields.Name);
        Field<StringGraphType>("description").Description(NodeFields.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Description(NodeFields.Tags);
        Field<StringGraphType>("source").Description(NodeFields.Source);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description(NodeFields.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description(NodeFields.UpdatedAt);
        Field<NonNullGraphType<ActorKindType>>("kind").Description(ActorFields.Kind);
        Field<TerritoryType>("territory").Description(ActorFields.Territory);
        Field<AuthorityType>("privateTo").Description(NodeFields.PrivateTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Themes.ThemeType>>>>("themes").Description(NodeFields.Themes);
        Field<NonNullGraphType<Links.LinkConnectionType>>("links").Description(NodeFields.Links)
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("types", NodeFields.LinkTypes)
            .PageArguments();
    }
}

/// <summary>The fields of the Actor interface, added to the interface and to each actor type.</summary>
public static class ActorFields
{
    /// <summary>The authority a node or link is private to, as the caller sees it.</summary>
    public static object? PrivateTo(Loading.RequestLoaders loaders, string? authorityId) =>
        authorityId is null ? null : loaders.Node(authorityId);

    public const string Kind = "Which kind of actor it is.";
    public const string Territory = "Where the actor is located (LOCATED_IN).";

    public static void Add<T>(ObjectGraphType<T> type) where T : Node
    {
        NodeFields.AddCommon(type);
        type.Field<NonNullGraphType<ActorKindType>>("kind").Description(Kind).Resolve(c => c.Source.Kind.ToActorKind());
        type.Field<TerritoryType>("territory").Description(Territory)
            .Resolve(c => c.Loaders().NeighbourNode(c.Source.Id, LinkType.LocatedIn, LinkDirection.Outgoing));
        type.Field<AuthorityType>("privateTo").Description(NodeFields.PrivateTo).Resolve(c => PrivateTo(c.Loaders(), c.Source.PrivateTo));
        NodeFields.AddThemes(type, LinkType.WorksOn);
        NodeFields.AddLinks(type);
    }
}
