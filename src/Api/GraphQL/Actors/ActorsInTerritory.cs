using CoopGraph.Api.GraphQL.Analytics;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Actors;

/// <summary>
/// Actor listings filtered by territory, answered from the projection: it knows every actor's place and the territory
/// tree, so it finds the actors of a region among a million in milliseconds, where SQL walked the LOCATED_IN links of
/// the region's thousands of communes for every request. The page's nodes are
/// then read from the store. Same order (the store's), same total; the projection may be up to
/// Graph:ProjectionMaxWaitMilliseconds behind a write. Cursors are the id of the last node seen, prefixed '@'.
/// </summary>
internal static class ActorsInTerritory
{
    public static bool Applies(NodeQuery query) =>
        query.TerritoryCode is not null && query.Text is null && query.ThemeIds is not { Count: > 0 };

    public static async Task<Page<Node>> ListAsync(IResolveFieldContext context, NodeQuery query, PageRequest page)
    {
        var projection = await context.ProjectionAsync();
        if (!projection.TerritoryByCode.ContainsKey(query.TerritoryCode!))
        {
            return Page<Node>.Empty;
        }
        var kinds = (query.Kinds ?? []).ToHashSet();
        var members = ScopeResolver.Members(projection, new AnalysisScope { TerritoryCode = query.TerritoryCode, Domains = query.Domains?.ToList() })
            .Where(m => kinds.Count == 0 || kinds.Contains(projection.Kinds[m]))
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
}
