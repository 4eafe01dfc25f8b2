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
    private static readonly CypherStatement Cascade = CypherStatement.Load("changes-cascade");

    private readonly Dictionary<string, Link> _linksRead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _linkElements = new(StringComparer.Ordinal);

    // What the facts found in the store: nodes and links named here are updated, any other is created.
    private readonly HashSet<string> _nodesFound = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linksFound = new(StringComparer.Ordinal);

    // Who could see what the facts found (null: public), and the write's changes for the feed, in order.
    private readonly Dictionary<string, string?> _privateBefore = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, object?>> _changes = [];

    /// <summary>The store's version when the lock was taken: what a refused write answers.</summary>
    public long Version => version;

    public async Task<StoreFacts> ReadFactsAsync(FactsRequest request, CancellationToken cancellationToken)
    {
        var (facts, elements) = await Neo4jFacts.ReadAsync(transaction, request, cancellationToken);
        _nodesFound.UnionWith(facts.Kinds.Keys);
        _linksFound.UnionWith(facts.LinksById.Keys);
        _linksFound.UnionWith(facts.LinkIdsByKey.Values);
        foreach (var id in facts.Kinds.Keys.Concat(facts.LinkIdsByKey.Values))
        {
            _privateBefore[id] = facts.PrivateTo.GetValueOrDefault(id) ?? facts.PrivateLinks.GetValueOrDefault(id);
        }
        foreach (var (id, link) in facts.LinksById)
        {
            _linksRead[id] = link;
            _privateBefore[id] = link.PrivateTo;
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
        foreach (var id in plan.DeleteLinkIds.Where(_linksRead.ContainsKey))
        {
            Deleted(id, null, LinkTypeNames.ToConstant(_linksRead[id].Type), _linksRead[id].PrivateTo);
        }
        await RunInPagesAsync(DeleteLinks, "elements", deletedLinks, Params(), ct);
        if (plan.DeleteNodeIds.Count > 0)
        {
            // Read before they go: the deleted nodes, the data private to a deleted authority, and every link with them.
            var cascade = await transaction.RunAsync(Cascade, Params(("ids", plan.DeleteNodeIds)), ct);
            foreach (var row in cascade.Rows)
            {
                foreach (var link in ((IReadOnlyList<object?>)row[1]!).Cast<IReadOnlyList<object?>>().DistinctBy(l => (string)l[0]!))
                {
                    Deleted((string)link[0]!, null, (string)link[1]!, link[2] as string);
                }
                foreach (var node in ((IReadOnlyList<object?>)row[0]!).Cast<IReadOnlyList<object?>>())
                {
                    Deleted((string)node[0]!, (string)node[1]!, null, node[2] as string);
                }
            }
        }
        await RunInPagesAsync(DeleteNodes, "ids", plan.DeleteNodeIds, Params(), ct);

        // New nodes and links are created without a lookup (the lock keeps anyone else from making them meanwhile);
        // those the store holds, or that come twice in the batch, are merged as before. Creates go first, so that a
        // second mention of an id finds the first.
        foreach (var node in plan.Nodes.DistinctBy(n => n.Id))
        {
            Upserted(node.Id, node.Kind.ToString(), null, node.PrivateTo, _nodesFound.Contains(node.Id));
        }
        var (newNodes, knownNodes) = Split(plan.Nodes, n => n.Id, _nodesFound, (n, fresh) => NodeMaps.Row(n, nextSeq++, omitNulls: fresh));
        await RunInPagesAsync(CreateNodes, "rows", newNodes, Params(("now", now)), ct);
        await RunInPagesAsync(UpsertNodes, "rows", knownNodes, Params(("now", now)), ct);
        var parents = plan.Nodes.OfType<Territory>().Select(t => Params(("id", t.Id), ("parentId", t.ParentId))).ToList();
        await RunInPagesAsync(TerritoryParents, "rows", parents, Params(), ct);

        var replacements = plan.Replacements.Select(r => Params(
            ("nodeId", r.NodeId), ("type", LinkTypeNames.ToConstant(r.Type)), ("incoming", r.Incoming), ("keep", r.KeepOtherIds))).ToList();
        foreach (var removed in await RowsInPagesAsync(ReplaceRelations, "rows", replacements, Params(Seen(plan.Writer)), ct))
        {
            Deleted((string)removed[0]!, null, (string)removed[1]!, removed[2] as string);
        }

        // A moved link was deleted above: it is made anew.
        var found = new HashSet<string>(_linksFound.Except(moved), StringComparer.Ordinal);
        foreach (var link in plan.Links.DistinctBy(l => l.Link.Id).Where(l => !(l.KeepExisting && found.Contains(l.Link.Id))))
        {
            Upserted(link.Link.Id, null, LinkTypeNames.ToConstant(link.Link.Type), link.Link.PrivateTo, found.Contains(link.Link.Id) || moved.Contains(link.Link.Id));
        }
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
        // The version's bump, the write's changes and the commit in one request.
        foreach (var change in _changes)
        {
            change["seq"] = nextSeq++;
        }
        var at = now[..Math.Min(now.Length, 23)] + "Z";
        var bumped = await transaction.CommitAsync(Bump, Params(("nextSeq", nextSeq), ("changes", _changes), ("at", at)), cancellationToken);
        return bumped.Rows.Count > 0 ? (long)bumped.Rows[0][0]! : throw new Neo4jProtocolException("The version's bump answered no row.");
    }

    // Disposing the transaction without a commit rolls it back.
    public Task<long> RefuseAsync(CancellationToken cancellationToken) => Task.FromResult(version);

    private void Upserted(string id, string? nodeKind, string? linkType, string? privateTo, bool existed) => _changes.Add(new(StringComparer.Ordinal)
    {
        ["op"] = "UPSERT", ["id"] = id, ["nodeKind"] = nodeKind, ["linkType"] = linkType, ["privateTo"] = privateTo,
        ["previousPrivateTo"] = existed ? _privateBefore.GetValueOrDefault(id) : null, ["existed"] = existed,
    });

    private void Deleted(string id, string? nodeKind, string? linkType, string? privateTo) => _changes.Add(new(StringComparer.Ordinal)
    {
        ["op"] = "DELETE", ["id"] = id, ["nodeKind"] = nodeKind, ["linkType"] = linkType, ["privateTo"] = privateTo,
        ["previousPrivateTo"] = privateTo, ["existed"] = true,
    });

    /// <summary>As <see cref="RunInPagesAsync{T}"/>, gathering the rows every page answers.</summary>
    private async Task<List<object?[]>> RowsInPagesAsync<T>(
        CypherStatement statement, string name, IReadOnlyList<T> rows, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        var answered = new List<object?[]>();
        for (var start = 0; start < rows.Count; start += pageSize)
        {
            var page = start == 0 && rows.Count <= pageSize ? rows : rows.Skip(start).Take(pageSize).ToList();
            answered.AddRange((await transaction.RunAsync(statement, new Dictionary<string, object?>(parameters) { [name] = page }, ct)).Rows);
        }
        return answered;
    }

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
