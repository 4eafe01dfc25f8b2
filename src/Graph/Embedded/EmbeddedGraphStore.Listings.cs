using CoopGraph.Domain.Model;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    // One constant statement per listing: absent filters are NULL parameters, so the text never varies
    // with the input and SQLite can reuse the prepared statement.
    private const string TerritorySubtree =
        """
        WITH RECURSIVE subtree(id) AS (
            SELECT id FROM nodes WHERE kind = 'Territory' AND code = @territory
            UNION SELECT c.id FROM nodes c JOIN subtree s ON c.parent_id = s.id AND c.kind = 'Territory'
        )
        """;

    // The territory filter is one uncorrelated set: the nodes LOCATED_IN any territory of the subtree, found through the
    // target index once per query, then probed per node; correlated per node, SQLite probed every commune for every
    // node. The unary '+' keeps the theme filter on the node's own few links (source index).
    private const string NodeFilter =
        """
        WHERE (@kinds IS NULL OR n.kind IN (SELECT value FROM json_each(@kinds)))
          AND (@mask = 0 OR CASE WHEN n.kind IN (SELECT value FROM json_each(@own_domain_kinds)) THEN (n.domains & @mask) <> 0
               ELSE EXISTS (SELECT 1 FROM links w JOIN nodes t ON t.id = w.target_id
                            WHERE w.source_id = n.id AND w.type = 'WORKS_ON' AND (t.domains & @mask) <> 0) END)
          AND (@themes IS NULL OR EXISTS (SELECT 1 FROM links w WHERE w.source_id = n.id AND w.type IN ('WORKS_ON', 'TARGETS')
                                          AND +w.target_id IN (SELECT value FROM json_each(@themes))))
          AND (@territory IS NULL OR n.id IN (SELECT id FROM subtree)
               OR n.id IN (SELECT p.source_id FROM links p WHERE p.type = 'LOCATED_IN' AND p.target_id IN (SELECT id FROM subtree)))
          AND (@fts IS NULL OR n.seq IN (SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH @fts))
        """ + " AND " + NodeVisible;

    private static readonly object OwnDomainKinds = Json(NodeDomains.OwnKindNames);

    private const string ListNodesSql =
        TerritorySubtree + "SELECT " + NodeRows.Columns + " FROM nodes n " + NodeFilter + " AND n.seq > @after ORDER BY n.seq LIMIT @take";

    private const string CountNodesSql = TerritorySubtree + "SELECT COUNT(*) FROM nodes n " + NodeFilter;

    // With a territory, the count starts from the nodes placed in it (CROSS JOIN fixes that order): counting the SSE
    // actors of a département then reads those few thousand nodes, not every SSE actor of the graph. The page itself
    // keeps walking nodes in order, which stops at its last item (driven by the territory, a whole region's 40,000
    // nodes would be read and sorted for twenty).
    private const string PlacedInSubtree =
        ", placed(id) AS (SELECT id FROM subtree UNION SELECT p.source_id FROM links p WHERE p.type = 'LOCATED_IN' AND p.target_id IN (SELECT id FROM subtree)) ";

    private const string CountNodesInTerritorySql = TerritorySubtree + PlacedInSubtree +
        "SELECT COUNT(*) FROM placed x CROSS JOIN nodes n ON n.id = x.id " + NodeFilter;

    private const string LinkFilter =
        """
        WHERE (@types IS NULL OR l.type IN (SELECT value FROM json_each(@types)))
          AND (@node IS NULL OR l.source_id = @node OR l.target_id = @node)
          AND (@coop_kinds IS NULL OR l.coop_kind IN (SELECT value FROM json_each(@coop_kinds)))
          AND (@at IS NULL OR ((l.since IS NULL OR l.since <= @at) AND (l.until IS NULL OR l.until >= @at)))
          AND (@from_year IS NULL OR COALESCE(l.year, CAST(substr(l.since, 1, 4) AS INTEGER)) >= @from_year)
          AND (@to_year IS NULL OR COALESCE(l.year, CAST(substr(l.since, 1, 4) AS INTEGER)) <= @to_year)
          AND (@instruments IS NULL OR (l.type = 'FUNDS' AND l.instrument IN (SELECT value FROM json_each(@instruments))))
          AND (@min_amount IS NULL OR CAST(l.amount AS REAL) >= @min_amount)
          AND (@max_amount IS NULL OR CAST(l.amount AS REAL) <= @max_amount)
        """ + " AND " + LinkVisible;

    private const string ListLinksSql = "SELECT " + LinkRows.Columns + " FROM links l " + LinkFilter + " AND l.seq > @after ORDER BY l.seq LIMIT @take";

    private const string CountLinksSql = "SELECT COUNT(*) FROM links l " + LinkFilter;

    // The node ids are looked up with IN (…) rather than joined from a CTE: joined, the SQLite bundled with
    // Microsoft.Data.Sqlite builds a Bloom filter over the whole links table for each half, even for a node's ten
    // links; with IN it searches the source and target indexes directly.
    private const string AdjacentLinks =
        $"""
        WITH adj AS (
            SELECT l.source_id AS node_id, l.* FROM links l
            WHERE l.source_id IN (SELECT value FROM json_each(@ids))
              AND (@types IS NULL OR l.type IN (SELECT value FROM json_each(@types)))
              AND {LinkVisible}
            UNION ALL
            SELECT l.target_id AS node_id, l.* FROM links l
            WHERE l.target_id IN (SELECT value FROM json_each(@ids)) AND l.source_id <> l.target_id
              AND (@types IS NULL OR l.type IN (SELECT value FROM json_each(@types)))
              AND {LinkVisible}
        )
        """;

    private const string LinksOfNodesSql = AdjacentLinks +
        """
        , ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY node_id ORDER BY seq) AS rn FROM adj WHERE seq > @after)
        SELECT l.node_id, l.id, l.type, l.source_id, l.target_id, l.since, l.until, l.note, l.source, l.coop_kind, l.intensity,
               l.instrument, l.amount, l.year, l.outcome, l.seq, l.private_to, l.domain, l.stage
        FROM ranked l WHERE l.rn <= @take ORDER BY l.node_id, l.seq
        """;

    private const string CountLinksOfNodesSql = AdjacentLinks + "SELECT node_id, COUNT(*) FROM adj GROUP BY node_id";

    // Above this many links, a node's page is read type by type (below) rather than by numbering all its links.
    internal const long ManyLinks = 256;

    // One node's page read per link type: its end index holds each type's links in seq order, so each type's read stops
    // after a page, and only those few are sorted. The statement above numbers every link of the node first, which for
    // a theme of 350,000 links took 360 ms against under a millisecond this way; for a node of a few dozen links it is
    // the other way round (280 against 540 µs), hence the bound. Each subquery's own "links l" hides the outer one, so
    // the visibility rule is the store's one text.
    private const string PageOfManyLinksSql =
        $"""
        WITH t(type) AS (SELECT value FROM json_each(@types))
        SELECT {LinkRows.Columns} FROM t JOIN links l ON l.seq IN (
            SELECT l.seq FROM links l WHERE l.source_id = @id AND l.type = t.type AND l.seq > @after AND {LinkVisible}
            ORDER BY l.seq LIMIT @take)
        UNION ALL
        SELECT {LinkRows.Columns} FROM t JOIN links l ON l.seq IN (
            SELECT l.seq FROM links l WHERE l.target_id = @id AND l.source_id <> l.target_id AND l.type = t.type AND l.seq > @after
              AND {LinkVisible} ORDER BY l.seq LIMIT @take)
        ORDER BY seq LIMIT @take
        """;

    private static readonly object AllLinkTypes = Json(Enum.GetValues<LinkType>().Select(LinkTypeNames.ToConstant));

    // ORDER BY +seq: ordered by the plain column, SQLite walks the whole (type, seq) index to avoid a sort (every
    // WORKS_ON link of the graph to find one actor's themes); the end's own index finds them.
    private const string NeighboursOutSql =
        $"""
        SELECT l.source_id, l.target_id FROM links l
        WHERE l.type = @type AND l.source_id IN (SELECT value FROM json_each(@ids))
          AND {LinkVisible} ORDER BY +l.seq
        """;

    private const string NeighboursInSql =
        $"""
        SELECT l.target_id, l.source_id FROM links l
        WHERE l.type = @type AND l.target_id IN (SELECT value FROM json_each(@ids))
          AND {LinkVisible} ORDER BY +l.seq
        """;

    private const string SearchSql =
        "SELECT " + NodeRows.Columns + " FROM nodes_fts f JOIN nodes n ON n.seq = f.rowid WHERE nodes_fts MATCH @fts " +
        "AND " + NodeVisible + " ORDER BY f.rank, n.seq LIMIT @take";

    public async Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var fts = FtsQuery.From(query.Text);
        if (query.Text is not null && fts is null)
        {
            return Page<Node>.Empty;
        }
        await using var session = await _reads.RentAsync(cancellationToken);
        void Bind(SqliteCommand command)
        {
            command.Add("@kinds", query.Kinds is { Count: > 0 } kinds ? Json(kinds.Select(k => k.ToString())) : null);
            command.Add("@mask", query.Domains is null ? 0 : DomainSet.Of(query.Domains).Bits);
            command.Add("@own_domain_kinds", OwnDomainKinds);
            command.Add("@themes", query.ThemeIds is { Count: > 0 } themes ? Json(themes) : null);
            command.Add("@territory", query.TerritoryCode);
            command.Add("@fts", fts);
            command.AddViewer(viewer);
        }
        var count = query.TerritoryCode is null ? CountNodesSql : CountNodesInTerritorySql;
        return await ReadPageAsync(session, ListNodesSql, count, Bind, page, NodeRows.Read, NodeRows.SeqOrdinal, cancellationToken);
    }

    public async Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await using var session = await _reads.RentAsync(cancellationToken);
        void Bind(SqliteCommand command)
        {
            command.Add("@types", query.Types is { Count: > 0 } types ? Json(types.Select(LinkTypeNames.ToConstant)) : null);
            command.Add("@node", query.NodeId);
            command.Add("@coop_kinds", query.CooperationKinds is { Count: > 0 } kinds ? Json(kinds.Select(k => k.ToString())) : null);
            command.Add("@at", Db(query.ValidAt));
            command.Add("@from_year", query.FromYear);
            command.Add("@to_year", query.ToYear);
            command.Add("@instruments", query.Instruments is { Count: > 0 } instruments ? Json(instruments.Select(i => i.ToString())) : null);
            // Amounts are stored as exact decimal text; compared as reals, which are exact to the cent far beyond any budget.
            command.Add("@min_amount", query.MinAmount is { } min ? (double)min : null);
            command.Add("@max_amount", query.MaxAmount is { } max ? (double)max : null);
            command.AddViewer(viewer);
        }
        return await ReadPageAsync(session, ListLinksSql, CountLinksSql, Bind, page, r => LinkRows.Read(r), LinkRows.SeqOrdinal, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Page<Link>>(StringComparer.Ordinal);
        if (nodeIds.Count == 0)
        {
            return result;
        }
        var after = PageCursors.Parse(page.After);
        await using var session = await _reads.RentAsync(cancellationToken);
        var typeList = types is { Count: > 0 } ? Json(types.Select(LinkTypeNames.ToConstant)) : null;
        void Bind(SqliteCommand command, IReadOnlyCollection<string> ids)
        {
            command.Add("@ids", Json(ids));
            command.Add("@types", typeList);
            command.AddViewer(viewer);
        }

        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        {
            var count = session.Command(CountLinksOfNodesSql);
            Bind(count, nodeIds);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                totals[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var items = new Dictionary<string, List<PageItem<Link>>>(StringComparer.Ordinal);
        var few = nodeIds.Where(id => totals.GetValueOrDefault(id) <= ManyLinks).ToList();
        foreach (var id in nodeIds.Where(id => totals.GetValueOrDefault(id) > ManyLinks))
        {
            var list = session.Command(PageOfManyLinksSql);
            list.Add("@id", id);
            list.Add("@types", typeList ?? AllLinkTypes);
            list.AddViewer(viewer);
            list.Add("@after", after);
            list.Add("@take", page.First + 1);
            var nodeItems = items[id] = [];
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                nodeItems.Add(new PageItem<Link>(LinkRows.Read(reader), PageCursors.Of(reader.GetInt64(LinkRows.SeqOrdinal))));
            }
        }
        if (few.Count > 0)
        {
            var list = session.Command(LinksOfNodesSql);
            Bind(list, few);
            list.Add("@after", after);
            list.Add("@take", page.First + 1);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var nodeId = reader.GetString(0);
                if (!items.TryGetValue(nodeId, out var nodeItems))
                {
                    items[nodeId] = nodeItems = [];
                }
                nodeItems.Add(new PageItem<Link>(LinkRows.Read(reader, offset: 1), PageCursors.Of(reader.GetInt64(15))));
            }
        }

        foreach (var id in nodeIds)
        {
            result[id] = PageCursors.Page(items.GetValueOrDefault(id) ?? [], page.First, totals.GetValueOrDefault(id));
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (nodeIds.Count > 0)
        {
            await using var session = await _reads.RentAsync(cancellationToken);
            var command = session.Command(direction == LinkDirection.Outgoing ? NeighboursOutSql : NeighboursInSql);
            command.Add("@type", LinkTypeNames.ToConstant(type));
            command.Add("@ids", Json(nodeIds));
            command.AddViewer(viewer);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!result.TryGetValue(id, out var list))
                {
                    result[id] = list = [];
                }
                list.Add(reader.GetString(1));
            }
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken)
    {
        var fts = FtsQuery.From(text);
        if (fts is null || first <= 0)
        {
            return [];
        }
        await using var session = await _reads.RentAsync(cancellationToken);
        var command = session.Command(SearchSql);
        command.Add("@fts", fts);
        command.Add("@take", first + SearchRanking.Headroom);
        command.AddViewer(viewer);
        var result = new List<Node>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(NodeRows.Read(reader));
        }
        return SearchRanking.ExactNamesFirst(result, text, first);
    }

    private static async Task<Page<T>> ReadPageAsync<T>(
        ReadSession session, string listSql, string countSql, Action<SqliteCommand> bind, PageRequest page,
        Func<SqliteDataReader, T> read, int seqOrdinal, CancellationToken cancellationToken)
    {
        var after = PageCursors.Parse(page.After);
        var count = session.Command(countSql);
        bind(count);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        var items = new List<PageItem<T>>(Math.Min(page.First + 1, 128));
        {
            var list = session.Command(listSql);
            bind(list);
            list.Add("@after", after);
            list.Add("@take", page.First + 1);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new PageItem<T>(read(reader), PageCursors.Of(reader.GetInt64(seqOrdinal))));
            }
        }
        return PageCursors.Page(items, page.First, total);
    }

}
