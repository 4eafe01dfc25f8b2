using CoopGraph.Domain.Writes;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Checking the next batches of a bulk load while the previous one is written (see <see cref="IPlanAheadStore"/>).
/// Only a load into an empty store can: its memory (<see cref="BulkLoadMemory"/>) answers every check without SQLite,
/// and takes in each batch as it is checked, so the next batch is checked as if it had been written. Should that
/// not hold — a write fails, another writer comes in between, another process writes the file, a batch is written out
/// of order — the memory is dropped and every batch still to be written is checked again inside its own transaction.
/// </summary>
public sealed partial class EmbeddedGraphStore : IPlanAheadStore
{
    // Guards the memory and the counters below: batches are checked on the import's planning thread while the write
    // lock's holder writes on another.
    private readonly Lock _planGate = new();

    // Sequence numbers: handed out to prepared writes, and the last one written.
    private long _prepared;
    private long _written;

    // Prepared writes that need SQLite to be checked, so are checked when written: the next batch waits for them.
    private int _checkedWhenWritten;
    private TaskCompletionSource? _drained;

    /// <summary>
    /// Checked ahead: the plan, the memory that took it in (the write is valid only while it is current), and its rows
    /// encoded for SQLite (on the checking thread, outside the lock).
    /// </summary>
    private sealed record AheadPlan(WritePlan Plan, BulkLoadMemory Memory)
    {
        public PlanRows? Rows { get; init; }
    }

    /// <summary>Marks a prepared write that the next ones wait for.</summary>
    private sealed class CheckedWhenWritten
    {
        public static readonly CheckedWhenWritten Instance = new();
    }

    public async Task<PreparedWrite> PrepareAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            PreparedWrite? prepared = null;
            Task drained = Task.CompletedTask;
            lock (_planGate)
            {
                if (_checkedWhenWritten == 0)
                {
                    prepared = PrepareLocked(batch);
                }
                else
                {
                    drained = (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }
            if (prepared?.State is AheadPlan ahead)
            {
                try
                {
                    return new PreparedWrite(batch, [], prepared.Sequence, ahead with { Rows = PlanRows.Encode(ahead.Plan) });
                }
                catch
                {
                    // The memory took the batch in, and it will not be written.
                    DropMemory();
                    throw;
                }
            }
            if (prepared is not null)
            {
                return prepared;
            }
            await drained.WaitAsync(cancellationToken);
        }
    }

    private PreparedWrite PrepareLocked(GraphBatch batch)
    {
        var memory = _bulkMemory;
        if (memory is null || batch.ValidateOnly)
        {
            // No memory to keep right: the batch is checked against SQLite when written, as any write.
            return new PreparedWrite(batch, [], ++_prepared, null);
        }
        if (memory.NeedsStore(batch))
        {
            // SQLite must answer (deletions, or ids the memory may hold), and only once the batches before are written.
            _checkedWhenWritten++;
            return new PreparedWrite(batch, [], ++_prepared, CheckedWhenWritten.Instance);
        }
        var plan = BatchPlanner.Plan(batch, memory.Complete(new StoreFacts()));
        if (!plan.IsValid)
        {
            return new PreparedWrite(batch, plan.Errors, 0, null);
        }
        memory.Record(plan);
        return new PreparedWrite(batch, [], ++_prepared, new AheadPlan(plan, memory));
    }

    public async Task<WriteResult> WriteAsync(PreparedWrite prepared, CancellationToken cancellationToken)
    {
        if (prepared.Errors.Count > 0)
        {
            throw new ArgumentException("A batch refused when it was prepared cannot be written.", nameof(prepared));
        }
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            AheadPlan? ahead;
            lock (_planGate)
            {
                var inOrder = prepared.Sequence == _written + 1;
                _written = Math.Max(_written, prepared.Sequence);
                ahead = prepared.State as AheadPlan;
                // Checked ahead on the assumption that the writes before it happened, in order, with this memory; or
                // checked now while later batches were taken in ahead: either way the memory no longer tells the truth.
                if (ahead is not null ? !inOrder || !ReferenceEquals(ahead.Memory, _bulkMemory) : _prepared > _written)
                {
                    _bulkMemory = null;
                    ahead = null;
                }
            }
            return ahead is null
                ? await CheckAndWriteAsync(prepared.Batch, cancellationToken)
                : await WriteCheckedAheadAsync(prepared.Batch, ahead, cancellationToken);
        }
        finally
        {
            (prepared.State as AheadPlan)?.Rows?.Release();
            if (prepared.State is CheckedWhenWritten)
            {
                lock (_planGate)
                {
                    ReleaseWaitingLocked(1);
                }
            }
            _writeLock.Release();
        }
    }

    private async Task<WriteResult> WriteCheckedAheadAsync(GraphBatch batch, AheadPlan ahead, CancellationToken cancellationToken)
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
                    if (await ReadVersionAsync(connection, transaction, cancellationToken) == ahead.Memory.Version)
                    {
                        var result = await ApplyAndCommitAsync(connection, transaction, batch, ahead.Plan, ahead.Rows!, cancellationToken);
                        lock (_planGate)
                        {
                            if (result.Errors.Count > 0)
                            {
                                _bulkMemory = null;
                            }
                            else
                            {
                                ahead.Memory.Version = result.Version;
                            }
                        }
                        return result;
                    }
                }
                finally
                {
                    await PragmaAsync(connection, "PRAGMA foreign_keys = ON", CancellationToken.None);
                }
            }
            // Another process wrote to the file: what the memory says is out of date.
            DropMemory();
            return await CheckAndWriteAsync(batch, cancellationToken);
        }
        catch
        {
            DropMemory();
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

    /// <summary>The load's memory no longer describes the store: every batch still to be written is checked in its own transaction.</summary>
    private void DropMemory()
    {
        lock (_planGate)
        {
            _bulkMemory = null;
        }
    }

    /// <summary>At the end of the last load: prepared writes never written (a cancelled import) must not hold the next load back.</summary>
    private void ForgetPreparedWrites()
    {
        lock (_planGate)
        {
            _bulkMemory = null;
            _written = _prepared;
            ReleaseWaitingLocked(_checkedWhenWritten);
        }
    }

    private void ReleaseWaitingLocked(int count)
    {
        _checkedWhenWritten = Math.Max(0, _checkedWhenWritten - count);
        if (_checkedWhenWritten == 0 && _drained is { } drained)
        {
            _drained = null;
            drained.TrySetResult();
        }
    }
}
