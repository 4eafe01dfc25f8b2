using CoopGraph.Domain.Model;
using CoopGraph.Graph.Neo4j.QueryApi;

namespace CoopGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private static readonly CypherStatement ListNodes = CypherStatement.Load("nodes-list");
    private static readonly CypherStatement ListLinks = CypherStatement.Load("links-list");
    private static readonly CypherStatement LinksOfNodes = CypherStatement.Load("links-of-nodes");
    private static readonly CypherStatement NeighboursOut = CypherStatement.Load("neighbours-out");
    private static readonly CypherStatement NeighboursIn = CypherStatement.Load("neighbours-in");
    private static readonly CypherStatement Search = CypherStatement.Load("search");

    public async Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var text = LuceneQuery.From(query.Text);
        if (query.Text is not null && text is null)
        {
            return Page<Node>.Empty;
        }
        var filter = Params([
            .. Seen(viewer),
            ("kinds", query.Kinds is { Count: > 0 } kinds ? kinds.Select(k => k.ToString()).ToList() : null),
            ("domains", query.Domains is { Count: > 0 } domains ? domains.Select(d => d.ToString()).ToList() : null),
            ("ownDomainKinds", NodeDomains.OwnKindNames),
            ("themes", query.ThemeIds is { Count: > 0 } themes ? themes : null),
            ("territory", query.TerritoryCode),
            ("text", text)]);
        return await ReadPageAsync(ListNodes, filter, page, NodeMaps.Read, NodeMaps.Seq, cancellationToken);
    }

    public async Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = Params([
            .. Seen(viewer),
            ("types", LinkMaps.TypesOrAll(query.Types)),
            ("node", query.NodeId),
            ("cooperationKinds", query.CooperationKinds is { Count: > 0 } kinds ? kinds.Select(k => k.ToString()).ToList() : null),
            ("at", PropertyMaps.Param(query.ValidAt)),
            ("fromYear", query.FromYear),
            ("toYear", query.ToYear),
            ("instruments", query.Instruments is { Count: > 0 } instruments ? instruments.Select(i => i.ToString()).ToList() : null),
            ("minAmount", query.MinAmount is { } min ? (double)min : null),
            ("maxAmount", query.MaxAmount is { } max ? (double)max : null)]);
        return await ReadPageAsync(ListLinks, filter, page, v => LinkMaps.Read(v), LinkMaps.Seq, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Page<Link>>(StringComparer.Ordinal);
        if (nodeIds.Count == 0)
        {
            return result;
        }
        var parameters = Params([
            .. Seen(viewer),
            ("ids", nodeIds), ("types", LinkMaps.TypesOrAll(types)), ("after", PageCursors.Parse(page.After)), ("take", page.First + 1)]);
        var rows = await _client.RunAsync(LinksOfNodes, parameters, AccessMode.Read, cancellationToken);
        foreach (var row in rows.Rows)
        {
            var items = ((IReadOnlyList<object?>)row[2]!).Select(v => new PageItem<Link>(LinkMaps.Read(v), PageCursors.Of(LinkMaps.Seq(v)))).ToList();
            result[(string)row[0]!] = PageCursors.Page(items, page.First, (long)row[1]!);
        }
        foreach (var id in nodeIds)
        {
            result.TryAdd(id, Page<Link>.Empty);
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (nodeIds.Count > 0)
        {
            var statement = direction == LinkDirection.Outgoing ? NeighboursOut : NeighboursIn;
            var rows = await _client.RunAsync(statement, Params([.. Seen(viewer), ("ids", nodeIds), ("type", LinkTypeNames.ToConstant(type))]), AccessMode.Read, cancellationToken);
            foreach (var row in rows.Rows)
            {
                var id = (string)row[0]!;
                if (!result.TryGetValue(id, out var list))
                {
                    result[id] = list = [];
                }
                list.Add((string)row[1]!);
            }
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken)
    {
        var query = LuceneQuery.From(text);
        if (query is null || first <= 0)
        {
            return [];
        }
        var rows = await _client.RunAsync(Search, Params([.. Seen(viewer), ("query", query), ("take", first + SearchRanking.Headroom)]), AccessMode.Read, cancellationToken);
        return SearchRanking.ExactNamesFirst(rows.Rows.Select(r => NodeMaps.Read(r[0])).ToList(), text, first);
    }

    /// <summary>A listing's total and page, from one statement that answers both (one round trip).</summary>
    private async Task<Page<T>> ReadPageAsync<T>(
        CypherStatement list, Dictionary<string, object?> filter, PageRequest page,
        Func<object?, T> read, Func<object?, long> seq, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>(filter, StringComparer.Ordinal) { ["after"] = PageCursors.Parse(page.After), ["take"] = page.First + 1 };
        var result = await _client.RunAsync(list, parameters, AccessMode.Read, cancellationToken);
        if (result.Rows.Count == 0)
        {
            throw new Neo4jProtocolException("A listing answered no row; it always answers one.");
        }
        var row = result.Rows[0];
        var items = ((IReadOnlyList<object?>)row[1]!).Select(v => new PageItem<T>(read(v), PageCursors.Of(seq(v)))).ToList();
        return PageCursors.Page(items, page.First, (long)row[0]!);
    }
}
