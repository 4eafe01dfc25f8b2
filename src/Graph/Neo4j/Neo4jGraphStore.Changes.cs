using System.Globalization;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Changes;
using CoopGraph.Graph.Neo4j.QueryApi;

namespace CoopGraph.Graph.Neo4j;

/// <summary>The change feed: :CoopGraphChange nodes that each write creates with its version's bump (meta-bump.cypher).</summary>
public sealed partial class Neo4jGraphStore : IChangeFeed
{
    private static readonly CypherStatement ReadChanges = CypherStatement.Load("changes-read");
    private static readonly CypherStatement PruneBound = CypherStatement.Load("changes-prune-bound");
    private static readonly CypherStatement Pruned = CypherStatement.Load("changes-pruned");
    private static readonly CypherStatement Prune = CypherStatement.Load("changes-prune");

    public async Task<Page<Change>> ReadChangesAsync(Viewer viewer, ChangeQuery query, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(ReadChanges, Params([
            .. Seen(viewer), ("after", query.AfterSeq), ("since", query.SinceVersion), ("upTo", query.UpToVersion), ("take", query.Take + 1), ("countAll", query.CountAll)]),
            AccessMode.Read, cancellationToken);
        if (result.Rows.Count == 0)
        {
            throw new StoreUnavailableException("The Neo4j store is not initialised yet.");
        }
        var row = result.Rows[0];
        var (keptSince, prunedSeq) = (row[0] as long? ?? 0, row[1] as long? ?? 0);
        // No cursor (0) starts at the oldest change kept; a cursor before what was pruned, or a version before it, cannot go on.
        if ((query.AfterSeq > 0 && query.AfterSeq < prunedSeq) || query.SinceVersion < keptSince)
        {
            throw new ChangesExpiredException(keptSince);
        }
        var items = ((IReadOnlyList<object?>)row[3]!).Cast<IReadOnlyList<object?>>().Select(c =>
        {
            var change = new Change(
                (long)c[0]!, (long)c[1]!,
                DateTimeOffset.Parse((string)c[2]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                (string)c[3]! == "UPSERT" ? ChangeOp.Upsert : ChangeOp.Delete,
                (string)c[4]!,
                c[5] is string kind ? Enum.Parse<NodeKind>(kind) : null,
                c[6] is string type ? LinkTypeNames.Parse(type) : null,
                c[7] is true);
            return new PageItem<Change>(change, PageCursors.Of(change.Seq));
        }).ToList();
        return PageCursors.Page(items, query.Take, (long)row[2]!);
    }

    /// <summary>Whole versions: the feed's bounds move first, then the changes go in bounded transactions.</summary>
    public async Task<int> PruneChangesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var at = before.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var bound = await _client.RunAsync(PruneBound, Params(("before", at)), AccessMode.Read, cancellationToken);
        if (bound.Rows.Count == 0 || bound.Rows[0][0] is not long version)
        {
            return 0;
        }
        var (seq, count) = ((long)bound.Rows[0][1]!, (long)bound.Rows[0][2]!);
        await _client.RunAsync(Pruned, Params(("version", version), ("seq", seq)), AccessMode.Write, cancellationToken);
        await _client.RunAsync(Prune, Params(("version", version)), AccessMode.Write, cancellationToken);
        return checked((int)count);
    }
}
