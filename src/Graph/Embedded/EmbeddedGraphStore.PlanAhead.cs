using CoopGraph.Graph.Writes;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>Writing the batches a bulk load prepared (see <see cref="BulkLoadState"/>).</summary>
public sealed partial class EmbeddedGraphStore
{
    private async Task<WriteResult> WritePreparedAsync(PreparedWrite prepared, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        var holdsMemory = false;
        try
        {
            var ahead = _load.BeginWrite(prepared, out holdsMemory);
            return ahead is null
                ? await CheckAndWriteAsync(prepared.Batch, cancellationToken)
                : await WriteCheckedAheadAsync(prepared.Batch, ahead, cancellationToken);
        }
        finally
        {
            (prepared as CheckedAheadWrite)?.Plan.Rows.Release();
            _load.Release((prepared is PreparedWrite.CheckedWhenWritten { OthersWait: true } ? 1 : 0) + (holdsMemory ? 1 : 0));
            _writeLock.Release();
        }
    }

    private async Task<WriteResult> WriteCheckedAheadAsync(Domain.Writes.GraphBatch batch, AheadPlan ahead, CancellationToken cancellationToken)
    {
        try
        {
            await using (var connection = await _connections.OpenAsync(bulk: true, cancellationToken))
            {
                // The plan was checked against a memory that holds every node of the store: each link's ends exist, and
                // nothing is deleted on this path. SQLite's check of both ends of each link would repeat that at a third
                // of the cost of its insert. (Foreign keys can only be switched outside a transaction, and are switched
                // back before the connection returns to the pool; opening one switches them on too.)
                await PragmaAsync(connection, "PRAGMA foreign_keys = OFF", cancellationToken);
                try
                {
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                    if (await EmbeddedWriteTransaction.ReadVersionAsync(connection, transaction, cancellationToken) == ahead.Memory.Version)
                    {
                        if (ahead.LinkWrite == LinkWrite.Upsert)
                        {
                            // A link the store or the batch already holds: resolved through the unique index on ids.
                            await EmbeddedWriteTransaction.EnsureIntegrityIndexesAsync(connection, transaction, cancellationToken);
                        }
                        var write = new EmbeddedWriteTransaction(connection, transaction, _time) { Rows = ahead.Rows, LinkWrite = ahead.LinkWrite, Follower = Follower };
                        var result = await BatchWriter.WritePlannedAsync(write, batch, ahead.Plan, cancellationToken);
                        _load.Written(ahead, result);
                        return result;
                    }
                }
                finally
                {
                    await PragmaAsync(connection, "PRAGMA foreign_keys = ON", CancellationToken.None);
                }
            }
            // Another process wrote to the file: what the memory says is out of date.
            _load.Drop();
            return await CheckAndWriteAsync(batch, cancellationToken);
        }
        catch
        {
            _load.Drop();
            throw;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Callers pass constant pragmas.")]
    private static async Task PragmaAsync(SqliteConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
