using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Graph.Writes;
using static CoopGraph.Graph.Neo4j.Neo4jGraphStore;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// The Cypher of one write (see <see cref="BatchWriter"/>) inside an explicit transaction that already holds the store's
/// lock. It remembers the element ids of the links the facts found, so that the same transaction can delete or move them.
/// </summary>
internal sealed class Neo4jWriteTransaction(Neo4jTransaction transaction, long version, long nextSeq, string now, int pageSize)
    : IWriteTransaction
{
    private static readonly CypherStatement DeleteLinks = CypherStatement.Load("links-delete");
    private static readonly CypherStatement DeleteNodes = CypherStatement.Load("nodes-delete");
    private static readonly CypherStatement CreateNodes = CypherStatement.Load("nodes-create");
    private static readonly CypherStatement UpsertNodes = CypherStatement.Load("nodes-upsert");
    private static readonly CypherStatement TerritoryParents = CypherStatement.Load("territory-parents");
    private static readonly CypherStatement ReplaceRelations = CypherStatement.Load("relations-replace");
    private static readonly CypherStatement CreateLinks = CypherStatement.Load("links-create");
    private static readonly CypherStatement UpsertLinks = CypherStatement.Load("links-upsert");
    private static readonly CypherStatement InsertMissingLinks = CypherStatement.Load("links-insert-missing");
    private static readonly CypherStatement TerritoryCycles = CypherStatement.Load("territory-cycles");
    private static readonly CypherStatement Bump = CypherStatement.Load("meta-bump");

    private readonly Dictionary<string, Link> _linksRead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _linkElements = new(StringComparer.Ordinal);

    // What the facts found in the store: nodes and links named here are updated, any other is created.
    private readonly HashSet<string> _nodesFound = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linksFound = new(StringComparer.Ordinal);

    /// <summary>The store's version when the lock was taken: what a refused write answers.</summary>
    public long Version => version;

    public async Task<StoreFacts> ReadFactsAsync(FactsRequest request, CancellationToken cancellationToken)
    {
        var (facts, elements) = await Neo4jFacts.ReadAsync(transaction, request, cancellationToken);
        _nodesFound.UnionWith(facts.Kinds.Keys);
        _linksFound.UnionWith(facts.LinksById.Keys);
        _linksFound.UnionWith(facts.LinkIdsByKey.Values);
        foreach (var (id, link) in facts.LinksById)
        {
            _linksRead[id] = link;
        }
        foreach (var (id, element) in elements)
        {
            _linkElements[id] = element;
        }
        return facts;
    }

    public async Task ApplyAsync(WritePlan plan, CancellationToken ct)
    {
        // An explicit link whose id is stored between other ends is moved: the old relationship goes, a new one is made.
        var moved = plan.Links
            .Where(l => !l.KeepExisting && _linksRead.TryGetValue(l.Link.Id, out var old) && (old.SourceId, old.TargetId) != (l.Link.SourceId, l.Link.TargetId))
            .Select(l => l.Link.Id)
            .ToList();
        var deletedLinks = plan.DeleteLinkIds.Concat(moved).Select(id => _linkElements.GetValueOrDefault(id)).OfType<string>().Distinct().ToList();
        await RunInPagesAsync(DeleteLinks, "elements", deletedLinks, Params(), ct);
        await RunInPagesAsync(DeleteNodes, "ids", plan.DeleteNodeIds, Params(), ct);

        // New nodes and links are created without a lookup (the lock keeps anyone else from making them meanwhile);
        // those the store holds, or that come twice in the batch, are merged as before. Creates go first, so that a
        // second mention of an id finds the first.
        var (newNodes, knownNodes) = Split(plan.Nodes, n => n.Id, _nodesFound, (n, fresh) => NodeMaps.Row(n, nextSeq++, omitNulls: fresh));
        await RunInPagesAsync(CreateNodes, "rows", newNodes, Params(("now", now)), ct);
        await RunInPagesAsync(UpsertNodes, "rows", knownNodes, Params(("now", now)), ct);
        var parents = plan.Nodes.OfType<Territory>().Select(t => Params(("id", t.Id), ("parentId", t.ParentId))).ToList();
        await RunInPagesAsync(TerritoryParents, "rows", parents, Params(), ct);

        var replacements = plan.Replacements.Select(r => Params(
            ("nodeId", r.NodeId), ("type", LinkTypeNames.ToConstant(r.Type)), ("incoming", r.Incoming), ("keep", r.KeepOtherIds))).ToList();
        await RunInPagesAsync(ReplaceRelations, "rows", replacements, Params(Seen(plan.Writer)), ct);

        // A moved link was deleted above: it is made anew.
        var found = new HashSet<string>(_linksFound.Except(moved), StringComparer.Ordinal);
        var (newLinks, knownLinks) = Split(plan.Links, l => l.Link.Id, found, (l, fresh) => (l.KeepExisting, Row: LinkMaps.Row(l.Link, nextSeq++, omitNulls: fresh)));
        await RunInPagesAsync(CreateLinks, "rows", newLinks.Select(l => l.Row).ToList(), Params(), ct);
        await RunInPagesAsync(InsertMissingLinks, "rows", knownLinks.Where(l => l.KeepExisting).Select(l => l.Row).ToList(), Params(), ct);
        await RunInPagesAsync(UpsertLinks, "rows", knownLinks.Where(l => !l.KeepExisting).Select(l => l.Row).ToList(), Params(), ct);
    }

    /// <summary>
    /// Rows of the items the store does not hold (first mention of each id), and rows of the others, in order. A new
    /// item's row leaves out its empty properties: there is nothing to clear, and a load sends a third less.
    /// </summary>
    private static (List<TRow> New, List<TRow> Known) Split<TItem, TRow>(
        IEnumerable<TItem> items, Func<TItem, string> id, IReadOnlySet<string> found, Func<TItem, bool, TRow> row)
    {
        var fresh = new List<TRow>();
        var known = new List<TRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (found.Contains(id(item)) || !seen.Add(id(item)))
            {
                known.Add(row(item, false));
            }
            else
            {
                fresh.Add(row(item, true));
            }
        }
        return (fresh, known);
    }

    public async Task<IReadOnlySet<string>> FindTerritoryCyclesAsync(IReadOnlyList<string> territoryIds, CancellationToken cancellationToken)
    {
        var result = await transaction.RunAsync(TerritoryCycles, Params(("ids", territoryIds)), cancellationToken);
        return result.Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<long> CommitAsync(CancellationToken cancellationToken)
    {
        // The version's bump and the commit in one request.
        var bumped = await transaction.CommitAsync(Bump, Params(("nextSeq", nextSeq)), cancellationToken);
        return bumped.Rows.Count > 0 ? (long)bumped.Rows[0][0]! : throw new Neo4jProtocolException("The version's bump answered no row.");
    }

    // Disposing the transaction without a commit rolls it back.
    public Task<long> RefuseAsync(CancellationToken cancellationToken) => Task.FromResult(version);

    /// <summary>Runs <paramref name="statement"/> over <paramref name="rows"/> (as parameter <paramref name="name"/>), at most a page of rows a request.</summary>
    private async Task RunInPagesAsync<T>(
        CypherStatement statement, string name, IReadOnlyList<T> rows, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += pageSize)
        {
            var page = start == 0 && rows.Count <= pageSize ? rows : rows.Skip(start).Take(pageSize).ToList();
            await transaction.RunAsync(statement, new Dictionary<string, object?>(parameters) { [name] = page }, ct);
        }
    }
}
