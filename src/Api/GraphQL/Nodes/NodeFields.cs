using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Links;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Domain.Model;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Nodes;

/// <summary>Fields that several node types share, declared once so that interfaces and their implementations agree.</summary>
public static class NodeFields
{
    public const string Id = "The node's stable id, unique across all kinds.";
    public const string Name = "Its name, as people write it.";
    public const string Description = "What it is or does, in a few sentences.";
    public const string Tags = "Free labels, for search and filters.";
    public const string Source = "Where the node comes from (a dataset, a partner tool).";
    public const string CreatedAt = "When it was first written to the graph.";
    public const string UpdatedAt = "When it was last written.";
    public const string Links = "The links this node is an end of, in either direction.";
    public const string LinkTypes = "Only links of these types.";
    public const string Themes = "The themes it works on (an actor's WORKS_ON, a policy's TARGETS).";

    /// <summary>The one description of privateTo, on nodes, links and inputs alike.</summary>
    public const string PrivateTo =
        "The authority this is private to, or null when public. Private data is seen only through keys bound to that " +
        "authority (and administrators' keys); everyone else gets answers computed as if it did not exist. A link to a " +
        "private node is private to the same authority. When the authority is deleted, its private data is deleted with it.";

    public const string PrivateToInput =
        "Keep it private to this authority (its id). A key bound to an authority writes data private to it whatever is " +
        "given (another authority is refused with FORBIDDEN); a key bound to none writes public data only; an " +
        "administrator's key may name any authority. Themes and territories are always public (NOT_APPLICABLE).";

    public static void AddCommon<T>(ObjectGraphType<T> type) where T : Node
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description(Id).Resolve(c => c.Source.Id);
        type.Field<NonNullGraphType<StringGraphType>>("name").Description(Name).Resolve(c => c.Source.Name);
        type.Field<StringGraphType>("description").Description(Description).Resolve(c => c.Source.Description);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Description(Tags).Resolve(c => c.Source.Tags);
        type.Field<StringGraphType>("source").Description(Source).Resolve(c => c.Source.Source);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description(CreatedAt).Resolve(c => c.Source.CreatedAt);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description(UpdatedAt).Resolve(c => c.Source.UpdatedAt);
    }

    public static void AddLinks<T>(ObjectGraphType<T> type) where T : Node
    {
        type.Field<NonNullGraphType<LinkConnectionType>>("links")
            .Description(Links)
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("types", LinkTypes)
            .PageArguments()
            .Resolve(c => c.Loaders().LinksOf(c.Source.Id, c.GetArgument<List<LinkType>?>("types"), c.ReadPage()));
    }

    public static void AddThemes<T>(ObjectGraphType<T> type, LinkType via) where T : Node
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<Themes.ThemeType>>>>("themes").Description(Themes)
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, via, CoopGraph.Graph.LinkDirection.Outgoing));
    }
}
