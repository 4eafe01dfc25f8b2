using CoopGraph.Domain.Writes;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    // Loads in progress, the load's memory and the order of its prepared writes, shared with every write of this store:
    // the first load into an empty store defers the indexes, the last one out restores them.
    private readonly BulkLoadState _load = new();

    /// <summary>
    /// Into an empty store, defers the neighbourhood indexes and the search index to the end of the load (see
    /// <see cref="DeferredIndexes"/>) and checks batches ahead against the load's memory; into a store that holds data,
    /// changes nothing, so that its readers keep their indexes. Search answers from the old index until the load ends.
    /// </summary>
    public async Task<IBulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_load.Enter())
            {
                await using var connection = await _connections.OpenAsync(cancellationToken);
                if (await ScalarAsync(connection, DeferredIndexes.IsEmptySql, cancellationToken))
                {
                    await ExecuteInTransactionAsync(connection, DeferredIndexes.DropSql, cancellationToken);
                    _load.Deferred(new BulkLoadMemory(await GetVersionAsync(cancellationToken)));
                }
            }
            return new EmbeddedBulkLoad(this);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task EndBulkLoadAsync()
    {
        // Restoring must finish even when the load was cancelled: the caller's token is gone by then.
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            if (_load.Leave())
            {
                await RestoreDeferredIndexesAsync(CancellationToken.None);
                _load.Restored();
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>At start: a load that died before its end left the indexes deferred.</summary>
    private async Task RestoreIfDeferredAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, DeferredIndexes.IsDeferredSql, cancellationToken))
        {
            await ExecuteInTransactionAsync(connection, DeferredIndexes.RestoreSql, cancellationToken);
        }
    }

    private async Task RestoreDeferredIndexesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(bulk: true, cancellationToken);
        // The load's last pages are still in the log, where every page the builds read would be looked up: they are
        // copied into the file first. PASSIVE never waits for readers.
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        await ExecuteInTransactionAsync(connection, DeferredIndexes.RestoreSql, cancellationToken);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Callers pass the constant statements of DeferredIndexes.")]
    private static async Task<bool> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Callers pass the constant statements of DeferredIndexes.")]
    private static async Task ExecuteInTransactionAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One announced load: its batches go through the store's shared load state; disposing it ends the load once.</summary>
    private sealed class EmbeddedBulkLoad(EmbeddedGraphStore store) : IBulkLoad
    {
        private int _disposed;

        public Task<PreparedWrite> PrepareAsync(GraphBatch batch, CancellationToken cancellationToken) =>
            store._load.PrepareAsync(batch, cancellationToken);

        public Task<WriteResult> WriteAsync(PreparedWrite prepared, CancellationToken cancellationToken) =>
            store.WritePreparedAsync(prepared, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await store.EndBulkLoadAsync();
            }
        }
    }
}
