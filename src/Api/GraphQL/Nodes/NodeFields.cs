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
    public static void AddCommon<T>(ObjectGraphType<T> type) where T : Node
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        type.Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        type.Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(c => c.Source.Tags);
        type.Field<StringGraphType>("source").Description("Where the node comes from (a dataset, a partner tool).").Resolve(c => c.Source.Source);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }

    public static void AddLinks<T>(ObjectGraphType<T> type) where T : Node
    {
        type.Field<NonNullGraphType<LinkConnectionType>>("links")
            .Description("The links this node is an end of, in either direction.")
            .Argument<ListGraphType<NonNullGraphType<LinkTypeType>>>("types", a => a.Description = "Only links of these types.")
            .PageArguments()
            .Resolve(c => c.Loaders().LinksOf(c.Source.Id, c.GetArgument<List<LinkType>?>("types"), c.ReadPage()));
    }

    public static void AddThemes<T>(ObjectGraphType<T> type, LinkType via) where T : Node
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<Themes.ThemeType>>>>("themes")
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, via, CoopGraph.Graph.LinkDirection.Outgoing));
    }
}
