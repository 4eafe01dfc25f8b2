using System.Globalization;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Changes;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>The change feed, recorded by the triggers of migration 0009 (see there).</summary>
public sealed partial class EmbeddedGraphStore : IChangeFeed
{
    // What a viewer sees of a change: an upsert it can see after; an upsert of something it could see before and no
    // longer can (it became private to another authority), as a deletion; a deletion of something it could see.
    private const string SeenAfter = "(@see_all = 1 OR c.private_to IS NULL OR c.private_to = @viewer)";
    private const string SeenBefore = "(c.existed = 1 AND (@see_all = 1 OR c.previous_private_to IS NULL OR c.previous_private_to = @viewer))";

    // The version bounds are also seq bounds (ChangeVersions), one on each side, so that SQLite reads the range by rowid.
    private const string ChangesWhere =
        "c.seq >= MAX(@after + 1, CASE WHEN @since IS NULL THEN 0 ELSE " + ChangeVersions.FirstSeqAfterSince + " END) " +
        "AND c.seq <= CASE WHEN @up_to IS NULL THEN 9223372036854775807 ELSE " + ChangeVersions.LastSeqUpTo + " END " +
        "AND (@since IS NULL OR c.version > @since) AND (@up_to IS NULL OR c.version <= @up_to) " +
        "AND ((c.op = 'UPSERT' AND (" + SeenAfter + " OR " + SeenBefore + ")) OR (c.op = 'DELETE' AND " + SeenAfter + "))";

    internal const string ChangesSql =
        "SELECT c.seq, c.version, c.at, CASE WHEN c.op = 'UPSERT' AND " + SeenAfter + " THEN 'UPSERT' ELSE 'DELETE' END, " +
        "c.id, c.node_kind, c.link_type, CASE WHEN c.op = 'DELETE' OR " + SeenBefore + " THEN 1 ELSE 0 END FROM changes c WHERE " + ChangesWhere + " ORDER BY c.seq LIMIT @take";

    internal const string CountChangesSql = "SELECT COUNT(*) FROM changes c WHERE " + ChangesWhere;

    // The changes of the versions up to @up_to, read by rowid up to a seq none of them comes after (ChangeVersions).
    private const string PrunedWhere = "c.seq <= " + ChangeVersions.LastSeqUpTo + " AND c.version <= @up_to";

    private const string PruneMetaSql =
        "UPDATE store_meta SET value = MAX(value, COALESCE((SELECT c.seq FROM changes c WHERE " + PrunedWhere + " ORDER BY c.seq DESC LIMIT 1), 0)) WHERE key = 'changes_pruned_seq'; " +
        "UPDATE store_meta SET value = MAX(value, @up_to) WHERE key = 'changes_since'; " +
        "DELETE FROM change_versions WHERE version < @up_to;";

    internal const string PruneSql = "DELETE FROM changes AS c WHERE " + PrunedWhere;

    private const string FeedStateSql =
        "SELECT (SELECT value FROM store_meta WHERE key = 'changes_since'), (SELECT value FROM store_meta WHERE key = 'changes_pruned_seq')";

    public async Task<Page<Change>> ReadChangesAsync(Viewer viewer, ChangeQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // One read transaction: the feed's bounds and its rows from the same state of the file. A deferred BEGIN takes
        // no lock; the async overload has no 'deferred' and would lock for writing.
#pragma warning disable CA1849
        await using var transaction = connection.BeginTransaction(deferred: true);
#pragma warning restore CA1849
        long keptSince, prunedSeq;
        await using (var state = connection.Command(transaction, FeedStateSql))
        await using (var reader = await state.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (keptSince, prunedSeq) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        // No cursor (0) starts at the oldest change kept; a cursor before what was pruned, or a version before it, cannot go on.
        if ((query.AfterSeq > 0 && query.AfterSeq < prunedSeq) || query.SinceVersion < keptSince)
        {
            throw new ChangesExpiredException(keptSince);
        }
        void Bind(SqliteCommand command)
        {
            command.AddViewer(viewer);
            command.Parameters.AddWithValue("@after", query.AfterSeq);
            command.Parameters.AddWithValue("@since", SqlValues.Db(query.SinceVersion));
            command.Parameters.AddWithValue("@up_to", SqlValues.Db(query.UpToVersion));
            command.Parameters.AddWithValue("@take", query.Take + 1);
        }
        long total = 0;
        if (query.CountAll)
        {
            await using var count = connection.Command(transaction, CountChangesSql);
            Bind(count);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        var items = new List<PageItem<Change>>();
        await using (var list = connection.Command(transaction, ChangesSql))
        {
            Bind(list);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var change = new Change(
                    reader.GetInt64(0), reader.GetInt64(1),
                    DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                    reader.GetString(3) == "UPSERT" ? ChangeOp.Upsert : ChangeOp.Delete,
                    reader.GetString(4),
                    await reader.IsDBNullAsync(5, cancellationToken) ? null : Enum.Parse<NodeKind>(reader.GetString(5)),
                    await reader.IsDBNullAsync(6, cancellationToken) ? null : LinkTypeNames.Parse(reader.GetString(6)),
                    reader.GetInt64(7) == 1);
                items.Add(new PageItem<Change>(change, PageCursors.Of(change.Seq)));
            }
        }
        return PageCursors.Page(items, query.Take, total);
    }

    /// <summary>Whole versions only: a version's changes are kept or pruned together.</summary>
    public async Task<int> PruneChangesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            long version;
            await using (var bound = connection.Command(transaction, "SELECT MAX(version) FROM changes WHERE at < @before"))
            {
                bound.Parameters.AddWithValue("@before", before.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                if (await bound.ExecuteScalarAsync(cancellationToken) is not long found)
                {
                    return 0;
                }
                version = found;
            }
            await using var prune = connection.Command(transaction, PruneMetaSql);
            prune.Parameters.AddWithValue("@up_to", version);
            await prune.ExecuteNonQueryAsync(cancellationToken);
            await using var delete = connection.Command(transaction, PruneSql);
            delete.Parameters.AddWithValue("@up_to", version);
            var removed = await delete.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return removed;
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
