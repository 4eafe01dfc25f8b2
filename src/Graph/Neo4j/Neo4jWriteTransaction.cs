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
    private static readonly CypherStatement UpsertNodes = CypherStatement.Load("nodes-upsert");
    private static readonly CypherStatement TerritoryParents = CypherStatement.Load("territory-parents");
    private static readonly CypherStatement ReplaceRelations = CypherStatement.Load("relations-replace");
    private static readonly CypherStatement UpsertLinks = CypherStatement.Load("links-upsert");
    private static readonly CypherStatement InsertMissingLinks = CypherStatement.Load("links-insert-missing");
    private static readonly CypherStatement TerritoryCycles = CypherStatement.Load("territory-cycles");
    private static readonly CypherStatement Bump = CypherStatement.Load("meta-bump");

    private readonly Dictionary<string, Link> _linksRead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _linkElements = new(StringComparer.Ordinal);

    /// <summary>The store's version when the lock was taken: what a refused write answers.</summary>
    public long Version => version;

    public async Task<StoreFacts> ReadFactsAsync(FactsRequest request, CancellationToken cancellationToken)
    {
        var (facts, elements) = await Neo4jFacts.ReadAsync(transaction, request, cancellationToken);
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
            .Select(l => l.Link.Id);
        var deletedLinks = plan.DeleteLinkIds.Concat(moved).Select(id => _linkElements.GetValueOrDefault(id)).OfType<string>().Distinct().ToList();
        await RunInPagesAsync(DeleteLinks, "elements", deletedLinks, Params(), ct);
        await RunInPagesAsync(DeleteNodes, "ids", plan.DeleteNodeIds, Params(), ct);

        var nodeRows = plan.Nodes.Select(n => NodeMaps.Row(n, nextSeq++)).ToList();
        await RunInPagesAsync(UpsertNodes, "rows", nodeRows, Params(("now", now)), ct);
        var parents = plan.Nodes.OfType<Territory>().Select(t => Params(("id", t.Id), ("parentId", t.ParentId))).ToList();
        await RunInPagesAsync(TerritoryParents, "rows", parents, Params(), ct);

        var replacements = plan.Replacements.Select(r => Params(
            ("nodeId", r.NodeId), ("type", LinkTypeNames.ToConstant(r.Type)), ("incoming", r.Incoming), ("keep", r.KeepOtherIds))).ToList();
        await RunInPagesAsync(ReplaceRelations, "rows", replacements, Params(Seen(plan.Writer)), ct);

        var kept = plan.Links.Where(l => l.KeepExisting).Select(l => LinkMaps.Row(l.Link, nextSeq++)).ToList();
        await RunInPagesAsync(InsertMissingLinks, "rows", kept, Params(), ct);
        var given = plan.Links.Where(l => !l.KeepExisting).Select(l => LinkMaps.Row(l.Link, nextSeq++)).ToList();
        await RunInPagesAsync(UpsertLinks, "rows", given, Params(), ct);
    }

    public async Task<IReadOnlySet<string>> FindTerritoryCyclesAsync(IReadOnlyList<string> territoryIds, CancellationToken cancellationToken)
    {
        var result = await transaction.RunAsync(TerritoryCycles, Params(("ids", territoryIds)), cancellationToken);
        return result.Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<long> CommitAsync(CancellationToken cancellationToken)
    {
        var bumped = await transaction.RunAsync(Bump, Params(("nextSeq", nextSeq)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (long)bumped.Rows[0][0]!;
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
