using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.ReadModel;
using CoopGraph.Graph.Writes;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The SQL of one write (see <see cref="BatchWriter"/>) inside a transaction the store opened and will dispose. During a
/// bulk load, facts the load's memory holds are answered by it rather than by SQLite.
/// </summary>
internal sealed class EmbeddedWriteTransaction(
    SqliteConnection connection, SqliteTransaction transaction, TimeProvider time) : IWriteTransaction
{
    private const string DeleteLinksSql = "DELETE FROM links WHERE id IN (SELECT value FROM json_each(@ids))";

    // Links go with their nodes through ON DELETE CASCADE.
    private const string DeleteNodesSql = "DELETE FROM nodes WHERE id IN (SELECT value FROM json_each(@ids))";

    // A deleted authority takes its private data along: the links private to it (also those between public nodes),
    // then the nodes (and, by cascade, their links), and its surveys (their invitations and answers by cascade).
    private const string DeletePrivateDataSql =
        """
        DELETE FROM links WHERE private_to IN (SELECT value FROM json_each(@ids));
        DELETE FROM nodes WHERE private_to IN (SELECT value FROM json_each(@ids));
        DELETE FROM surveys WHERE authority_id IN (SELECT value FROM json_each(@ids));
        """;

    // Only the links the writer sees: another authority's private link to this node is not the writer's to remove.
    private const string ReplaceOutgoingSql =
        "DELETE FROM links AS l WHERE type = @type AND source_id = @node AND target_id NOT IN (SELECT value FROM json_each(@keep)) AND " + LinkVisible;

    private const string ReplaceIncomingSql =
        "DELETE FROM links AS l WHERE type = @type AND target_id = @node AND source_id NOT IN (SELECT value FROM json_each(@keep)) AND " + LinkVisible;

    private const string BumpVersionSql = "UPDATE store_meta SET value = value + 1 WHERE key = 'version' RETURNING value";

    public const string VersionSql = "SELECT value FROM store_meta WHERE key = 'version'";

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

    private bool _applied;

    /// <summary>A bulk load's memory, which answers the facts it holds; null to ask SQLite for all of them.</summary>
    public BulkLoadMemory? Memory { get; init; }

    /// <summary>The plan's rows, when they were encoded ahead (the caller releases them); else encoded when applied.</summary>
    public PlanRows? Rows { get; init; }

    public LinkWrite LinkWrite { get; init; } = LinkWrite.Upsert;

    /// <summary>Offered the write's changes before it commits (the read model), or null.</summary>
    public IWriteFollower? Follower { get; init; }

    /// <summary>Whether the unique link indexes were built back in this transaction: a refusal then still commits them.</summary>
    public bool IndexesBuilt { get; set; }

    public async Task<StoreFacts> ReadFactsAsync(FactsRequest request, CancellationToken cancellationToken) =>
        Memory is null
            ? await FactsReader.ReadAsync(connection, transaction, request, cancellationToken)
            : Memory.Complete(await FactsReader.ReadAsync(connection, transaction, Memory.Narrow(request), cancellationToken));

    public async Task ApplyAsync(WritePlan plan, CancellationToken cancellationToken)
    {
        _applied = true;
        var rows = Rows ?? PlanRows.Encode(plan);
        try
        {
            await ApplyAsync(plan, rows, cancellationToken);
        }
        finally
        {
            if (Rows is null)
            {
                rows.Release();
            }
        }
    }

    public async Task<IReadOnlySet<string>> FindTerritoryCyclesAsync(IReadOnlyList<string> territoryIds, CancellationToken cancellationToken)
    {
        var cycles = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.Command(transaction, TerritoryCyclesSql);
        command.Add("@ids", Json(territoryIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cycles.Add(reader.GetString(0));
        }
        return cycles;
    }

    public async Task<long> CommitAsync(CancellationToken cancellationToken)
    {
        long version;
        await using (var bump = connection.Command(transaction, BumpVersionSql))
        {
            version = (long)(await bump.ExecuteScalarAsync(cancellationToken))!;
        }
        await using (var record = connection.Command(transaction, ChangeVersions.RecordSql))
        {
            record.Add("@version", version);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        using var handover = Follower?.BeginHandover();
        if (handover is not null)
        {
            await handover.FillAsync((since, maxChanges, sink) =>
                ChangeReader.ReadAsync(connection, transaction, since, maxChanges, sink, cancellationToken));
        }
        // Readers of the new version wait for its snapshot: it is published before the log is copied back, not after.
        var checkpoint = await DeferredCheckpoint.BeginAsync(connection, cancellationToken);
        try
        {
            await transaction.CommitAsync(cancellationToken);
            handover?.Committed();
        }
        finally
        {
            await checkpoint.EndAsync();
        }
        return version;
    }

    public async Task<long> RefuseAsync(CancellationToken cancellationToken)
    {
        var version = await ReadVersionAsync(connection, transaction, cancellationToken);
        if (_applied)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else if (IndexesBuilt)
        {
            // Nothing else was written: the indexes are kept for the checks to come rather than built again by each.
            await transaction.CommitAsync(cancellationToken);
        }
        return version;
    }

    public static async Task<long> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, VersionSql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Inside a write transaction about to be checked against SQLite: a bulk load may have deferred the unique link
    /// indexes, and this write needs them to find existing links and to resolve conflicts, so they are built first, in
    /// the same transaction.
    /// </summary>
    /// <returns>Whether they had to be built.</returns>
    public static async Task<bool> EnsureIntegrityIndexesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using (var probe = connection.Command(transaction, DeferredIndexes.HasIntegritySql))
        {
            if ((long)(await probe.ExecuteScalarAsync(ct))! == 1)
            {
                return false;
            }
        }
        await using var build = connection.Command(transaction, DeferredIndexes.IntegritySql);
        await build.ExecuteNonQueryAsync(ct);
        return true;
    }

    private async Task ApplyAsync(WritePlan plan, PlanRows rows, CancellationToken ct)
    {
        if (plan.DeleteLinkIds.Count > 0)
        {
            await using var command = connection.Command(transaction, DeleteLinksSql);
            command.Add("@ids", Json(plan.DeleteLinkIds));
            await command.ExecuteNonQueryAsync(ct);
        }
        if (plan.DeleteNodeIds.Count > 0)
        {
            await using (var cascade = connection.Command(transaction, DeletePrivateDataSql))
            {
                cascade.Add("@ids", Json(plan.DeleteNodeIds));
                await cascade.ExecuteNonQueryAsync(ct);
            }
            await using var command = connection.Command(transaction, DeleteNodesSql);
            command.Add("@ids", Json(plan.DeleteNodeIds));
            await command.ExecuteNonQueryAsync(ct);
        }
        using var changes = new ChangeRecorder(connection, transaction, await NextVersionAsync(ct), ChangeTime());
        // Asked after the deletions that may have removed the last rows, so that the new rows are those from here on.
        var firstNewNode = await NextSeqAsync(ChangeRecorder.NextNodeSeqSql, ct);
        WriteNodes(rows.Nodes, changes, ct);
        await changes.NewNodesAsync(firstNewNode, ct);
        foreach (var replacement in plan.Replacements)
        {
            await using var command = connection.Command(transaction, replacement.Incoming ? ReplaceIncomingSql : ReplaceOutgoingSql);
            command.Add("@type", LinkTypeNames.ToConstant(replacement.Type));
            command.Add("@node", replacement.NodeId);
            command.Add("@keep", Json(replacement.KeepOtherIds));
            command.AddViewer(plan.Writer);
            await command.ExecuteNonQueryAsync(ct);
        }
        var firstNewLink = await NextSeqAsync(ChangeRecorder.NextLinkSeqSql, ct);
        if (LinkWrite == LinkWrite.InsertNew)
        {
            InsertNewLinks(rows.Links, ct);
        }
        else
        {
            WriteLinks(rows.Links, plan.Links, changes, ct);
        }
        await changes.NewLinksAsync(firstNewLink, ct);
    }

    private async Task<long> NextVersionAsync(CancellationToken ct)
    {
        await using var command = connection.Command(transaction, ChangeRecorder.NextVersionSql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The seq SQLite gives the next row a table inserts: one more than the largest there.</summary>
    private async Task<long> NextSeqAsync(string sql, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, sql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    // The format of the deletion triggers' strftime, so that times compare as text.
    private string ChangeTime() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // SQLite's ON CONFLICT DO UPDATE slows every insert, even of rows that are new. Most written rows are new, so a row
    // is inserted with DO NOTHING first and updated only when it was already there.
    // A row that was there is recorded in the change feed before it is updated; new rows are recorded after the loop.
    private void WriteNodes(EncodedRows nodes, ChangeRecorder changes, CancellationToken ct)
    {
        var now = System.Text.Encoding.UTF8.GetBytes(Instant(time.GetUtcNow()));
        using var insert = new RowStatement(connection, NodeRows.InsertIfMissing, NodeRows.Parameters);
        using var upsert = new RowStatement(connection, NodeRows.Upsert, NodeRows.Parameters);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (insert.Execute(nodes, i, now, ct) == 0)
            {
                changes.ExistingNode(nodes, i, ct);
                upsert.Execute(nodes, i, now, ct);
            }
        }
    }

    /// <summary>Links implied by a relation field keep what an existing link holds; explicit link upserts replace it.</summary>
    /// <remarks>A link implied by a relation field and already there is left as it is: no change is recorded.</remarks>
    private void WriteLinks(EncodedRows rows, IReadOnlyList<PlannedLink> links, ChangeRecorder changes, CancellationToken ct)
    {
        using var insert = new RowStatement(connection, LinkRows.InsertIfMissing, LinkRows.Parameters);
        using var upsert = new RowStatement(connection, LinkRows.Upsert, LinkRows.Parameters);
        for (var i = 0; i < rows.Count; i++)
        {
            if (insert.Execute(rows, i, default, ct) == 0 && !links[i].KeepExisting)
            {
                changes.ExistingLink(rows, i, ct);
                upsert.Execute(rows, i, default, ct);
            }
        }
    }

    /// <summary>
    /// Links proven new and distinct (checked ahead against a load's memory): a plain insert, which needs no unique index
    /// to resolve a conflict, so it also works while the load has deferred them.
    /// </summary>
    private void InsertNewLinks(EncodedRows rows, CancellationToken ct)
    {
        using var insert = new RowStatement(connection, LinkRows.InsertNew, LinkRows.Parameters);
        for (var i = 0; i < rows.Count; i++)
        {
            insert.Execute(rows, i, default, ct);
        }
    }

}
