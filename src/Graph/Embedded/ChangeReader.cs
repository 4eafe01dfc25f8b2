using CoopGraph.Graph.ReadModel;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>Reads what changed since a version from the change feed and the rows it names, inside a transaction given.</summary>
internal static class ChangeReader
{
    // The changes since a version are read by rowid (ChangeVersions); each id they name is looked up by its unique index.
    // Links' is away while a bulk load fills an empty store: each lookup would then scan every link, so a copy of the
    // whole graph is asked for instead.
    private const string SinceWhere = "c.seq >= " + ChangeVersions.FirstSeqAfterSince + " AND c.version > @since";

    internal const string CountSinceSql =
        "SELECT COUNT(*) FROM (SELECT 1 FROM changes c WHERE " + SinceWhere + " LIMIT @limit)";

    internal static readonly string ChangedNodesSql =
        "SELECT " + NodeRows.Columns + " FROM nodes n WHERE n.id IN (SELECT c.id FROM changes c WHERE " + SinceWhere + " AND c.node_kind IS NOT NULL) ORDER BY n.seq";

    internal static readonly string ChangedLinksSql =
        "SELECT " + LinkRows.Columns + " FROM links l WHERE l.id IN (SELECT c.id FROM changes c WHERE " + SinceWhere + " AND c.link_type IS NOT NULL) ORDER BY l.seq";

    internal const string GoneNodesSql =
        "SELECT DISTINCT c.id FROM changes c WHERE " + SinceWhere + " AND c.node_kind IS NOT NULL AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = c.id)";

    internal const string GoneLinksSql =
        "SELECT DISTINCT c.id FROM changes c WHERE " + SinceWhere + " AND c.link_type IS NOT NULL AND NOT EXISTS (SELECT 1 FROM links l WHERE l.id = c.id)";

    /// <summary>
    /// What <see cref="IDeltaExport.ExportChangesAsync"/> gives, as <paramref name="transaction"/> sees the store: a read
    /// transaction's snapshot, or a write's own rows before it commits.
    /// </summary>
    public static async Task<long?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction,
        long sinceVersion, int maxChanges, IDeltaSink sink, CancellationToken cancellationToken)
    {
        long version, keptSince;
        bool deferred;
        await using (var state = connection.Command(transaction,
            "SELECT (SELECT value FROM store_meta WHERE key = 'version'), (SELECT value FROM store_meta WHERE key = 'changes_since'), (" + DeferredIndexes.IsDeferredSql + ")"))
        await using (var reader = await state.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (version, keptSince, deferred) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2));
        }
        if (sinceVersion < keptSince || sinceVersion > version || deferred)
        {
            return null;
        }
        await using (var count = connection.Command(transaction, CountSinceSql))
        {
            count.Parameters.AddWithValue("@since", sinceVersion);
            count.Parameters.AddWithValue("@limit", (long)maxChanges + 1);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > maxChanges)
            {
                return null;
            }
        }
        // Synchronous reads, as the export's: SQLite reads synchronously anyway.
#pragma warning disable CA1849
        await using (var nodes = Since(connection, transaction, ChangedNodesSql, sinceVersion))
        await using (var reader = await nodes.ExecuteReaderAsync(cancellationToken))
        {
            while (reader.Read())
            {
                sink.AddNode(NodeRows.Read(reader), reader.GetInt64(NodeRows.SeqOrdinal));
            }
        }
        await using (var links = Since(connection, transaction, ChangedLinksSql, sinceVersion))
        await using (var reader = await links.ExecuteReaderAsync(cancellationToken))
        {
            while (reader.Read())
            {
                sink.AddLink(LinkRows.Read(reader), reader.GetInt64(LinkRows.SeqOrdinal));
            }
        }
        await using (var gone = Since(connection, transaction, GoneNodesSql, sinceVersion))
        await using (var reader = await gone.ExecuteReaderAsync(cancellationToken))
        {
            while (reader.Read())
            {
                sink.RemoveNode(reader.GetString(0));
            }
        }
        await using (var gone = Since(connection, transaction, GoneLinksSql, sinceVersion))
        await using (var reader = await gone.ExecuteReaderAsync(cancellationToken))
        {
            while (reader.Read())
            {
                sink.RemoveLink(reader.GetString(0));
            }
        }
#pragma warning restore CA1849
        return version;
    }

    private static SqliteCommand Since(SqliteConnection connection, SqliteTransaction transaction, string sql, long since)
    {
        var command = connection.Command(transaction, sql);
        command.Parameters.AddWithValue("@since", since);
        return command;
    }
}
