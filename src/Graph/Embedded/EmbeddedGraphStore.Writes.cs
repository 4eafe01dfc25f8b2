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
        var indexesBuilt = await EmbeddedWriteTransaction.EnsureIntegrityIndexesAsync(connection, transaction, cancellationToken);
        var memory = await BulkMemoryAsync(connection, transaction, cancellationToken);
        var write = new EmbeddedWriteTransaction(connection, transaction, _time) { Memory = memory, IndexesBuilt = indexesBuilt };
        var (result, plan) = await BatchWriter.CheckAndWriteAsync(write, batch, cancellationToken);
        if (result.Errors.Count == 0 && !batch.ValidateOnly && memory is not null)
        {
            lock (_planGate)
            {
                memory.Record(plan);
                memory.Version = result.Version;
            }
        }
        return result;
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
        var version = await EmbeddedWriteTransaction.ReadVersionAsync(connection, transaction, ct);
        lock (_planGate)
        {
            if (memory.Version != version && ReferenceEquals(_bulkMemory, memory))
            {
                _bulkMemory = null;
            }
            return _bulkMemory;
        }
    }
}
