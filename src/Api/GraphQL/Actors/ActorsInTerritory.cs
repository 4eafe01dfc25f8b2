using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.ReadModel;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Actors;

/// <summary>
/// Actor listings filtered by territory, with or without themes. When the read model holds the request's version, it answers (the store's own
/// listing, in memory). Otherwise the projection does: it knows every actor's place and the territory tree, so it finds
/// the actors of a region among a million in milliseconds, where SQL walked the LOCATED_IN links of the region's
/// thousands of communes for every request; the page's nodes are then read from the store, and the projection may be
/// up to Graph:ProjectionMaxWaitMilliseconds behind a write. Same order (the store's), same total either way, and the
/// same cursors: the id of the last node seen, prefixed '@', so that a client pages on whichever answers next.
/// </summary>
internal static class ActorsInTerritory
{
    public static bool Applies(NodeQuery query) => query.TerritoryCode is not null && query.Text is null;

    public static async Task<Page<Node>> ListAsync(IResolveFieldContext context, NodeQuery query, PageRequest page)
    {
        if (await context.RequestReader().SnapshotAsync(context.CancellationToken) is { } snapshot)
        {
            return await FromSnapshotAsync(context, snapshot, query, page);
        }
        // Through the request's reader, so that the answer may be kept when the projection is of the request's version.
        var projection = (await context.RequestReader().ProjectionAsync(context.CancellationToken)).For(context.Viewer());
        if (!projection.TerritoryByCode.ContainsKey(query.TerritoryCode!))
        {
            return Page<Node>.Empty;
        }
        var kinds = (query.Kinds ?? []).ToHashSet();
        var themes = query.ThemeIds is { Count: > 0 } themeIds ? Indexes(projection, themeIds) : null;
        var members = ScopeResolver.Members(projection, new AnalysisScope { TerritoryCode = query.TerritoryCode, Domains = query.Domains?.ToList() })
            .Where(m => (kinds.Count == 0 || kinds.Contains(projection.Kinds[m])) && (themes is null || WorksOnOrTargets(projection, m, themes)))
            .ToArray();
        var start = 0;
        if (page.After is { } after)
        {
            if (!after.StartsWith('@') || projection.Find(after[1..]) is not { } last)
            {
                throw new InvalidCursorException("'after' is not a cursor of this listing (or its node is gone).");
            }
            var position = Array.BinarySearch(members, last);
            start = position >= 0 ? position + 1 : ~position;
        }
        var ids = members.Skip(start).Take(page.First).Select(m => projection.Ids[m]).ToList();
        var nodes = (await (await context.ReaderAsync()).GetNodesAsync(context.Viewer(), ids, context.CancellationToken)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var items = ids.Where(nodes.ContainsKey).Select(id => new PageItem<Node>(nodes[id], "@" + id)).ToList();
        return new Page<Node>(items, members.Length, start + page.First < members.Length);
    }

    /// <summary>The nodes among <paramref name="ids"/> that exist, as the store's filter takes them: an unknown id matches nothing.</summary>
    private static HashSet<int> Indexes(GraphProjection projection, IEnumerable<string> ids) =>
        ids.Select(projection.Find).OfType<int>().ToHashSet();

    /// <summary>
    /// Whether the actor has a WORKS_ON or TARGETS link to one of <paramref name="themes"/>: any such link counts, as in
    /// the theme filter of the stores and of the read model.
    /// </summary>
    private static bool WorksOnOrTargets(GraphProjection projection, int actor, HashSet<int> themes)
    {
        foreach (var type in ThemeLinks)
        {
            foreach (var theme in projection.Out[(int)type].Neighbours(actor))
            {
                if (themes.Contains(theme))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static readonly LinkType[] ThemeLinks = [LinkType.WorksOn, LinkType.Targets];

    /// <summary>
    /// The same listing from the read model when it holds the request's version: the store's own listing, its cursors
    /// turned into this listing's ('@' and the last node's id), so that a client pages on whichever answers next.
    /// </summary>
    private static async Task<Page<Node>> FromSnapshotAsync(IResolveFieldContext context, ReadModelSnapshot snapshot, NodeQuery query, PageRequest page)
    {
        var after = page.After;
        if (after is not null)
        {
            if (!after.StartsWith('@') || snapshot.SeqOf(after[1..]) is not { } seq)
            {
                throw new InvalidCursorException("'after' is not a cursor of this listing (or its node is gone).");
            }
            after = seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        // The listing through the request's reader (that very snapshot), so that it is recorded when the answer may be kept.
        var listed = await (await context.ReaderAsync()).ListNodesAsync(context.Viewer(), query, page with { After = after }, context.CancellationToken);
        return listed with { Items = listed.Items.Select(i => new PageItem<Node>(i.Item, "@" + i.Item.Id)).ToList() };
    }
}
