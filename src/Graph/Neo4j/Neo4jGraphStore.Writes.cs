using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Neo4j.QueryApi;

namespace CoopGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private const int MaxAttempts = 3;

    private static readonly CypherStatement DeleteLinks = CypherStatement.Load("links-delete");
    private static readonly CypherStatement DeleteNodes = CypherStatement.Load("nodes-delete");
    private static readonly CypherStatement UpsertNodes = CypherStatement.Load("nodes-upsert");
    private static readonly CypherStatement TerritoryParents = CypherStatement.Load("territory-parents");
    private static readonly CypherStatement ReplaceRelations = CypherStatement.Load("relations-replace");
    private static readonly CypherStatement UpsertLinks = CypherStatement.Load("links-upsert");
    private static readonly CypherStatement InsertMissingLinks = CypherStatement.Load("links-insert-missing");
    private static readonly CypherStatement TerritoryCycles = CypherStatement.Load("territory-cycles");
    private static readonly CypherStatement Bump = CypherStatement.Load("meta-bump");

    /// <summary>
    /// One explicit transaction: lock, read the facts, plan, apply, check the territorial tree, bump the version,
    /// commit. Anything short of the commit rolls back everything. A transient Neo4j error (a deadlock, a leader
    /// change) or an expired transaction runs the whole unit again, since nothing of it was kept.
    /// </summary>
    public async Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(batch, cancellationToken);
            }
            catch (Neo4jException e) when ((e.IsTransient || e is Neo4jTransactionGoneException) && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), _time, cancellationToken);
            }
        }
    }

    private async Task<WriteResult> WriteOnceAsync(GraphBatch batch, CancellationToken ct)
    {
        var now = PropertyMaps.Param(_time.GetUtcNow());
        await using var transaction = await _client.BeginAsync(AccessMode.Write, ct);
        var locked = await transaction.RunAsync(Lock, Params(("now", now)), ct);
        if (locked.Rows.Count == 0)
        {
            throw new StoreUnavailableException("The Neo4j store is not initialised yet.");
        }
        var version = (long)locked.Rows[0][0]!;
        var nextSeq = (long)locked.Rows[0][1]!;

        var (facts, linkElements) = await Neo4jFacts.ReadAsync(transaction, BatchPlanner.Needs(batch), ct);
        var codeKeys = BatchPlanner.CodeRelationKeys(batch, facts);
        if (codeKeys.Count > 0)
        {
            facts = facts.WithLinkIdsByKey((await Neo4jFacts.ReadAsync(transaction, FactsRequest.ForLinkKeys(codeKeys), ct)).Facts.LinkIdsByKey);
        }
        var plan = BatchPlanner.Plan(batch, facts);
        if (!plan.IsValid || batch.ValidateOnly)
        {
            return new WriteResult([], plan.Errors, version);
        }

        try
        {
            nextSeq = await ApplyAsync(transaction, plan, facts, linkElements, nextSeq, now, ct);
            var cycles = await FindTerritoryCyclesAsync(transaction, plan, ct);
            if (cycles.Count > 0)
            {
                var errors = BatchPlanner.CycleErrors(batch, cycles);
                return new WriteResult([], errors, version);
            }
            var bumped = await transaction.RunAsync(Bump, Params(("nextSeq", nextSeq)), ct);
            await transaction.CommitAsync(ct);
            return new WriteResult(BatchPlanner.WrittenIds(batch, plan), [], (long)bumped.Rows[0][0]!);
        }
        catch (Neo4jException e) when (e.IsConstraintViolation)
        {
            // What the planner cannot see coming (two territories given one code, say) is still the caller's mistake.
            return new WriteResult([], [new UserError(UserErrorCodes.Constraint, "The batch breaks a uniqueness rule of the store: " + e.Message, [])], version);
        }
    }

    private async Task<long> ApplyAsync(
        Neo4jTransaction transaction, WritePlan plan, StoreFacts facts, IReadOnlyDictionary<string, string> linkElements,
        long nextSeq, string now, CancellationToken ct)
    {
        // An explicit link whose id is stored between other ends is moved: the old relationship goes, a new one is made.
        var moved = plan.Links
            .Where(l => !l.KeepExisting && facts.LinksById.TryGetValue(l.Link.Id, out var old) && (old.SourceId, old.TargetId) != (l.Link.SourceId, l.Link.TargetId))
            .Select(l => l.Link.Id);
        var deletedLinks = plan.DeleteLinkIds.Concat(moved).Select(id => linkElements.GetValueOrDefault(id)).OfType<string>().Distinct().ToList();
        await RunInPagesAsync(transaction, DeleteLinks, "elements", deletedLinks, Params(), ct);
        await RunInPagesAsync(transaction, DeleteNodes, "ids", plan.DeleteNodeIds, Params(), ct);

        var nodeRows = plan.Nodes.Select(n => NodeMaps.Row(n, nextSeq++)).ToList();
        await RunInPagesAsync(transaction, UpsertNodes, "rows", nodeRows, Params(("now", now)), ct);
        var parents = plan.Nodes.OfType<Territory>().Select(t => Params(("id", t.Id), ("parentId", t.ParentId))).ToList();
        await RunInPagesAsync(transaction, TerritoryParents, "rows", parents, Params(), ct);

        var replacements = plan.Replacements.Select(r => Params(
            ("nodeId", r.NodeId), ("type", LinkTypeNames.ToConstant(r.Type)), ("incoming", r.Incoming), ("keep", r.KeepOtherIds))).ToList();
        await RunInPagesAsync(transaction, ReplaceRelations, "rows", replacements, Params(), ct);

        var kept = plan.Links.Where(l => l.KeepExisting).Select(l => LinkMaps.Row(l.Link, nextSeq++)).ToList();
        await RunInPagesAsync(transaction, InsertMissingLinks, "rows", kept, Params(), ct);
        var given = plan.Links.Where(l => !l.KeepExisting).Select(l => LinkMaps.Row(l.Link, nextSeq++)).ToList();
        await RunInPagesAsync(transaction, UpsertLinks, "rows", given, Params(), ct);
        return nextSeq;
    }

    /// <summary>Runs <paramref name="statement"/> over <paramref name="rows"/> (as parameter <paramref name="name"/>), at most a page of rows a request.</summary>
    private async Task RunInPagesAsync<T>(
        Neo4jTransaction transaction, CypherStatement statement, string name, IReadOnlyList<T> rows, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += _pageSize)
        {
            var page = start == 0 && rows.Count <= _pageSize ? rows : rows.Skip(start).Take(_pageSize).ToList();
            await transaction.RunAsync(statement, new Dictionary<string, object?>(parameters) { [name] = page }, ct);
        }
    }

    private static async Task<HashSet<string>> FindTerritoryCyclesAsync(Neo4jTransaction transaction, WritePlan plan, CancellationToken ct)
    {
        var territories = plan.Nodes.OfType<Territory>().Where(t => t.ParentId is not null).Select(t => t.Id).ToList();
        var cycles = new HashSet<string>(StringComparer.Ordinal);
        if (territories.Count > 0)
        {
            var result = await transaction.RunAsync(TerritoryCycles, Params(("ids", territories)), ct);
            cycles.UnionWith(result.Rows.Select(r => (string)r[0]!));
        }
        return cycles;
    }

}
