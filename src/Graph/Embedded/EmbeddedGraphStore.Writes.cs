using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    private const string DeleteLinksSql = "DELETE FROM links WHERE id IN (SELECT value FROM json_each(@ids))";

    // Links go with their nodes through ON DELETE CASCADE.
    private const string DeleteNodesSql = "DELETE FROM nodes WHERE id IN (SELECT value FROM json_each(@ids))";

    private const string ReplaceOutgoingSql =
        "DELETE FROM links WHERE type = @type AND source_id = @node AND target_id NOT IN (SELECT value FROM json_each(@keep))";

    private const string ReplaceIncomingSql =
        "DELETE FROM links WHERE type = @type AND target_id = @node AND source_id NOT IN (SELECT value FROM json_each(@keep))";

    private const string BumpVersionSql = "UPDATE store_meta SET value = value + 1 WHERE key = 'version' RETURNING value";

    // Walks up from each written territory; reaching the start again means the parents form a cycle.
    private const string TerritoryCyclesSql =
        """
        WITH RECURSIVE up(start, id, depth) AS (
            SELECT n.id, n.parent_id, 1 FROM nodes n
            WHERE n.id IN (SELECT value FROM json_each(@ids)) AND n.parent_id IS NOT NULL
            UNION ALL
            SELECT up.start, p.parent_id, up.depth + 1 FROM up JOIN nodes p ON p.id = up.id
            WHERE p.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 64
        )
        SELECT DISTINCT start FROM up WHERE id = start
        """;

    public async Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        var holdsMemory = false;
        try
        {
            lock (_planGate)
            {
                holdsMemory = HoldMemoryLocked();
            }
            return await CheckAndWriteAsync(batch, cancellationToken);
        }
        finally
        {
            if (holdsMemory)
            {
                lock (_planGate)
                {
                    ReleaseWaitingLocked(1);
                }
            }
            _writeLock.Release();
        }
    }

    /// <summary>Checks a batch against the store inside its write transaction, then writes it. Runs under the write lock.</summary>
    private async Task<WriteResult> CheckAndWriteAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(bulk: _bulkLoads > 0, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var indexesBuilt = await EnsureIntegrityIndexesAsync(connection, transaction, cancellationToken);
        var memory = await BulkMemoryAsync(connection, transaction, cancellationToken);
        Task<StoreFacts> ReadAsync(FactsRequest request) => memory is null
            ? FactsReader.ReadAsync(connection, transaction, request, cancellationToken)
            : ReadNarrowedAsync(memory, request);
        async Task<StoreFacts> ReadNarrowedAsync(BulkLoadMemory held, FactsRequest request) =>
            held.Complete(await FactsReader.ReadAsync(connection, transaction, held.Narrow(request), cancellationToken));

        var facts = await ReadAsync(BatchPlanner.Needs(batch));
        var codeKeys = BatchPlanner.CodeRelationKeys(batch, facts);
        if (codeKeys.Count > 0)
        {
            facts = facts.WithLinkIdsByKey((await ReadAsync(FactsRequest.ForLinkKeys(codeKeys))).LinkIdsByKey);
        }
        var plan = BatchPlanner.Plan(batch, facts);
        if (!plan.IsValid || batch.ValidateOnly)
        {
            var version = await ReadVersionAsync(connection, transaction, cancellationToken);
            if (indexesBuilt)
            {
                // Nothing else was written: the indexes are kept for the checks to come rather than built again by each.
                await transaction.CommitAsync(cancellationToken);
            }
            return new WriteResult([], plan.Errors, version);
        }
        var rows = PlanRows.Encode(plan);
        WriteResult result;
        try
        {
            result = await ApplyAndCommitAsync(connection, transaction, batch, plan, rows, LinkWrite.Upsert, cancellationToken);
        }
        finally
        {
            rows.Release();
        }
        if (result.Errors.Count == 0 && memory is not null)
        {
            lock (_planGate)
            {
                memory.Record(plan);
                memory.Version = result.Version;
            }
        }
        return result;
    }

    /// <summary>Applies a checked plan, refuses it if it made a territory its own ancestor, else bumps the version and commits.</summary>
    private async Task<WriteResult> ApplyAndCommitAsync(SqliteConnection connection, SqliteTransaction transaction, GraphBatch batch, WritePlan plan, PlanRows rows, LinkWrite linkWrite, CancellationToken cancellationToken)
    {
        await ApplyAsync(connection, transaction, plan, rows, linkWrite, cancellationToken);

        var cycles = await FindTerritoryCyclesAsync(connection, transaction, plan, cancellationToken);
        if (cycles.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var errors = BatchPlanner.CycleErrors(batch, cycles);
            return new WriteResult([], errors, await GetVersionAsync(cancellationToken));
        }

        long version;
        await using (var bump = Command(connection, transaction, BumpVersionSql))
        {
            version = (long)(await bump.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult(BatchPlanner.WrittenIds(batch, plan), [], version);
    }

    private async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, WritePlan plan, PlanRows rows, LinkWrite linkWrite, CancellationToken ct)
    {
        if (plan.DeleteLinkIds.Count > 0)
        {
            await using var command = Command(connection, transaction, DeleteLinksSql);
            command.Add("@ids", Json(plan.DeleteLinkIds));
            await command.ExecuteNonQueryAsync(ct);
        }
        if (plan.DeleteNodeIds.Count > 0)
        {
            await using var command = Command(connection, transaction, DeleteNodesSql);
            command.Add("@ids", Json(plan.DeleteNodeIds));
            await command.ExecuteNonQueryAsync(ct);
        }
        WriteNodes(connection, rows.Nodes, ct);
        foreach (var replacement in plan.Replacements)
        {
            await using var command = Command(connection, transaction, replacement.Incoming ? ReplaceIncomingSql : ReplaceOutgoingSql);
            command.Add("@type", LinkTypeNames.ToConstant(replacement.Type));
            command.Add("@node", replacement.NodeId);
            command.Add("@keep", Json(replacement.KeepOtherIds));
            await command.ExecuteNonQueryAsync(ct);
        }
        if (linkWrite == LinkWrite.InsertNew)
        {
            InsertNewLinks(connection, rows.Links, ct);
        }
        else
        {
            WriteLinks(connection, rows.Links, plan.Links, ct);
        }
    }

    // SQLite's ON CONFLICT DO UPDATE halves the speed of every insert, even of rows that are new. Most written rows are
    // new, so a row is inserted with DO NOTHING first and updated only when it was already there.
    private void WriteNodes(SqliteConnection connection, EncodedRows nodes, CancellationToken ct)
    {
        var now = System.Text.Encoding.UTF8.GetBytes(Instant(_time.GetUtcNow()));
        using var insert = new RowStatement(connection, NodeRows.InsertIfMissing, NodeRows.Parameters);
        using var upsert = new RowStatement(connection, NodeRows.Upsert, NodeRows.Parameters);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (insert.Execute(nodes, i, now, ct) == 0)
            {
                upsert.Execute(nodes, i, now, ct);
            }
        }
    }

    /// <summary>Links implied by a relation field keep what an existing link holds; explicit link upserts replace it.</summary>
    private static void WriteLinks(SqliteConnection connection, EncodedRows rows, IReadOnlyList<PlannedLink> links, CancellationToken ct)
    {
        using var insert = new RowStatement(connection, LinkRows.InsertIfMissing, LinkRows.Parameters);
        using var upsert = new RowStatement(connection, LinkRows.Upsert, LinkRows.Parameters);
        for (var i = 0; i < rows.Count; i++)
        {
            if (insert.Execute(rows, i, default, ct) == 0 && !links[i].KeepExisting)
            {
                upsert.Execute(rows, i, default, ct);
            }
        }
    }

    /// <summary>
    /// Links proven new and distinct (checked ahead against a load's memory): a plain insert, which needs no unique index
    /// to resolve a conflict, so it also works while the load has deferred them.
    /// </summary>
    private static void InsertNewLinks(SqliteConnection connection, EncodedRows rows, CancellationToken ct)
    {
        using var insert = new RowStatement(connection, LinkRows.InsertNew, LinkRows.Parameters);
        for (var i = 0; i < rows.Count; i++)
        {
            insert.Execute(rows, i, default, ct);
        }
    }

    /// <summary>
    /// Inside a write transaction about to be checked against SQLite: a bulk load may have deferred the unique link
    /// indexes, and this write (another writer, another process, or a batch the load's memory could not answer) needs
    /// them to find existing links and to resolve conflicts, so they are built first, in the same transaction.
    /// </summary>
    /// <returns>Whether they had to be built.</returns>
    private static async Task<bool> EnsureIntegrityIndexesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using (var probe = Command(connection, transaction, DeferredIndexes.HasIntegritySql))
        {
            if ((long)(await probe.ExecuteScalarAsync(ct))! == 1)
            {
                return false;
            }
        }
        await using var build = Command(connection, transaction, DeferredIndexes.IntegritySql);
        await build.ExecuteNonQueryAsync(ct);
        return true;
    }

    private static async Task<HashSet<string>> FindTerritoryCyclesAsync(SqliteConnection connection, SqliteTransaction transaction, WritePlan plan, CancellationToken ct)
    {
        var territories = plan.Nodes.OfType<Territory>().Where(t => t.ParentId is not null).Select(t => t.Id).ToList();
        var cycles = new HashSet<string>(StringComparer.Ordinal);
        if (territories.Count == 0)
        {
            return cycles;
        }
        await using var command = Command(connection, transaction, TerritoryCyclesSql);
        command.Add("@ids", Json(territories));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cycles.Add(reader.GetString(0));
        }
        return cycles;
    }

    /// <summary>The bulk load's memory when it still describes the file (no other process wrote since); else drops it.</summary>
    private async Task<BulkLoadMemory?> BulkMemoryAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        BulkLoadMemory? memory;
        lock (_planGate)
        {
            memory = _bulkMemory;
        }
        if (memory is null)
        {
            return null;
        }
        var version = await ReadVersionAsync(connection, transaction, ct);
        lock (_planGate)
        {
            if (memory.Version != version && ReferenceEquals(_bulkMemory, memory))
            {
                _bulkMemory = null;
            }
            return _bulkMemory;
        }
    }

    private static async Task<long> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, "SELECT value FROM store_meta WHERE key = 'version'");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }


    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Every caller passes one of the constant statements of this class.")]
    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
