using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Paging;

/// <summary>Page position as Relay describes it.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page lies in its listing (Relay's PageInfo).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more items follow: ask again with after: endCursor.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("True when this page was asked for with an 'after' cursor.").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The cursor of the page's first item; null on an empty page.").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("The cursor of the page's last item, to ask for the next page; null on an empty page.").Resolve(c => c.Source.EndCursor);
    }
}

/// <summary>An edge of a connection: one item and its cursor. Subclasses only give the names.</summary>
public abstract class EdgeType<TNodeType, TItem> : ObjectGraphType<PageItem<TItem>> where TNodeType : IGraphType
{
    protected EdgeType(string name)
    {
        Name = name;
        Description = "One item of a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque: pass it as 'after' to get the items that follow this one.").Resolve(c => Paging.Encode(c.Source.Cursor));
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").Resolve(c => c.Source.Item);
    }
}

/// <summary>A Relay connection over a <see cref="Page{T}"/>. Subclasses only give the names.</summary>
public abstract class ConnectionType<TNodeType, TEdgeType, TItem> : ObjectGraphType<Page<TItem>>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected ConnectionType(string name)
    {
        Name = name;
        Description = "One page of a listing (a Relay connection): its items, with or without cursors, and where it lies.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many items the whole listing holds, across all pages.").Resolve(c => checked((int)c.Source.TotalCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Description("The items of this page, each with its cursor.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Description("The items of this page, without cursors.").Resolve(c => c.Source.Items.Select(i => i.Item));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Whether more items follow, and the cursors to page on.").Resolve(c => new PageInfo(
            c.Source.HasNextPage,
            HasAfter(c),
            c.Source.Items.Count > 0 ? Paging.Encode(c.Source.Items[0].Cursor) : null,
            c.Source.Items.Count > 0 ? Paging.Encode(c.Source.Items[^1].Cursor) : null));
    }

    // The 'after' argument belongs to the parent field (actors, links…), not to pageInfo.
    private static bool HasAfter(global::GraphQL.IResolveFieldContext context) =>
        context.Parent?.Arguments?.TryGetValue("after", out var after) == true && after.Value is not null;
}
