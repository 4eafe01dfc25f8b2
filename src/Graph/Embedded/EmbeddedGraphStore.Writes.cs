using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Writes;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public async Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        var holdsMemory = false;
        try
        {
            holdsMemory = _load.HoldForWrite();
            return await CheckAndWriteAsync(batch, cancellationToken);
        }
        finally
        {
            _load.Release(holdsMemory ? 1 : 0);
            _writeLock.Release();
        }
    }

    /// <summary>Checks a batch against the store inside its write transaction, then writes it. Runs under the write lock.</summary>
    private async Task<WriteResult> CheckAndWriteAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(bulk: _load.Loads > 0, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var indexesBuilt = await EmbeddedWriteTransaction.EnsureIntegrityIndexesAsync(connection, transaction, cancellationToken);
        var memory = await BulkMemoryAsync(connection, transaction, cancellationToken);
        var write = new EmbeddedWriteTransaction(connection, transaction, _time) { Memory = memory, IndexesBuilt = indexesBuilt, Follower = Follower };
        var (result, plan) = await BatchWriter.CheckAndWriteAsync(write, batch, cancellationToken);
        if (result.Errors.Count == 0 && !batch.ValidateOnly && memory is not null)
        {
            _load.Record(memory, plan, result.Version);
        }
        return result;
    }

    /// <summary>The bulk load's memory when it still describes the file (no other process wrote since); else drops it.</summary>
    private async Task<BulkLoadMemory?> BulkMemoryAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        if (_load.Memory is not { } memory)
        {
            return null;
        }
        return _load.CurrentAt(memory, await EmbeddedWriteTransaction.ReadVersionAsync(connection, transaction, ct));
    }
}
