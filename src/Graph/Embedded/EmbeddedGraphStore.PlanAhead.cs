using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Writes;
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

    // Prepared writes that need SQLite to be checked, so are checked when written (and other writes that keep the
    // memory, see HoldMemoryLocked): the next batch waits for them.
    private int _checkedWhenWritten;

    // A batch is being checked against the memory, outside the gate (see CheckAhead).
    private bool _planning;
    private TaskCompletionSource? _drained;

    /// <summary>
    /// Checked ahead: the plan, the memory that took it in (the write is valid only while it is current), and its rows
    /// encoded for SQLite (on the checking thread, outside the lock).
    /// </summary>
    private sealed record AheadPlan(WritePlan Plan, BulkLoadMemory Memory, LinkWrite LinkWrite)
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
            BulkLoadMemory? memory = null;
            Task drained = Task.CompletedTask;
            lock (_planGate)
            {
                if (_bulkMemory is null || batch.ValidateOnly || _planning)
                {
                    // No memory to check against (or another load is checking against it): the batch is checked against
                    // SQLite when written, as any write.
                    return new PreparedWrite(batch, [], ++_prepared, null);
                }
                if (_checkedWhenWritten == 0)
                {
                    memory = _bulkMemory;
                    _planning = true;
                }
                else
                {
                    drained = (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }
            if (memory is not null)
            {
                return CheckAhead(batch, memory);
            }
            await drained.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Checks a batch against the memory, outside the gate: the writer only needs the gate for a moment per batch, and
    /// waiting there for a whole check had cost it a fifth of its time. While <see cref="_planning"/> is set, no one
    /// else reads or changes the memory's contents (see <see cref="HoldMemoryLocked"/>); the memory may be dropped
    /// meanwhile, which the gate shows at the end.
    /// </summary>
    private PreparedWrite CheckAhead(GraphBatch batch, BulkLoadMemory memory)
    {
        AheadPlan? ahead = null;
        WritePlan? refused = null;
        var needsStore = false;
        try
        {
            needsStore = memory.NeedsStore(batch);
            if (!needsStore)
            {
                var plan = BatchPlanner.Plan(batch, memory.Complete(new StoreFacts()));
                if (plan.IsValid)
                {
                    var linkWrite = memory.Record(plan) ? LinkWrite.InsertNew : LinkWrite.Upsert;
                    // Encoded here, on the checking thread, so that the writer only binds.
                    ahead = new AheadPlan(plan, memory, linkWrite) { Rows = PlanRows.Encode(plan) };
                }
                else
                {
                    refused = plan;
                }
            }
        }
        catch
        {
            lock (_planGate)
            {
                _planning = false;
                // The memory may have taken the batch in, and it will not be written.
                _bulkMemory = null;
            }
            throw;
        }
        lock (_planGate)
        {
            _planning = false;
            if (!ReferenceEquals(memory, _bulkMemory))
            {
                // Dropped while the batch was checked (a write failed, another writer came): checked again when written.
                ahead?.Rows?.Release();
                return new PreparedWrite(batch, [], ++_prepared, null);
            }
            if (needsStore)
            {
                // SQLite must answer (deletions, or ids the memory may hold), and only once the batches before are written.
                _checkedWhenWritten++;
                return new PreparedWrite(batch, [], ++_prepared, CheckedWhenWritten.Instance);
            }
            return refused is not null
                ? new PreparedWrite(batch, refused.Errors, 0, null)
                : new PreparedWrite(batch, [], ++_prepared, ahead);
        }
    }

    /// <summary>
    /// For a write checked against SQLite while a load may hold a memory: it keeps the memory only if no batch is
    /// checked ahead of it (none waiting to be written, none being checked), and then holds back later checks until it
    /// is written and taken in, as a batch that needs the store does. Else the memory is dropped.
    /// </summary>
    private bool HoldMemoryLocked()
    {
        if (_bulkMemory is null)
        {
            return false;
        }
        if (_prepared > _written || _planning)
        {
            _bulkMemory = null;
            return false;
        }
        _checkedWhenWritten++;
        return true;
    }

    public async Task<WriteResult> WriteAsync(PreparedWrite prepared, CancellationToken cancellationToken)
    {
        if (prepared.Errors.Count > 0)
        {
            throw new ArgumentException("A batch refused when it was prepared cannot be written.", nameof(prepared));
        }
        await _writeLock.WaitAsync(cancellationToken);
        var holdsMemory = false;
        try
        {
            AheadPlan? ahead;
            lock (_planGate)
            {
                var inOrder = prepared.Sequence == _written + 1;
                _written = Math.Max(_written, prepared.Sequence);
                ahead = prepared.State as AheadPlan;
                if (ahead is not null)
                {
                    // Checked ahead on the assumption that the writes before it happened, in order, with this memory.
                    if (!inOrder || !ReferenceEquals(ahead.Memory, _bulkMemory))
                    {
                        _bulkMemory = null;
                        ahead = null;
                    }
                }
                else if (prepared.State is CheckedWhenWritten)
                {
                    // Later checks already wait for this one; none can have been taken in ahead of it.
                    if (_prepared > _written)
                    {
                        _bulkMemory = null;
                    }
                }
                else
                {
                    holdsMemory = HoldMemoryLocked();
                }
            }
            return ahead is null
                ? await CheckAndWriteAsync(prepared.Batch, cancellationToken)
                : await WriteCheckedAheadAsync(prepared.Batch, ahead, cancellationToken);
        }
        finally
        {
            (prepared.State as AheadPlan)?.Rows?.Release();
            var release = (prepared.State is CheckedWhenWritten ? 1 : 0) + (holdsMemory ? 1 : 0);
            if (release > 0)
            {
                lock (_planGate)
                {
                    ReleaseWaitingLocked(release);
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
                    if (await EmbeddedWriteTransaction.ReadVersionAsync(connection, transaction, cancellationToken) == ahead.Memory.Version)
                    {
                        if (ahead.LinkWrite == LinkWrite.Upsert)
                        {
                            // A link the store or the batch already holds: resolved through the unique index on ids.
                            await EmbeddedWriteTransaction.EnsureIntegrityIndexesAsync(connection, transaction, cancellationToken);
                        }
                        var write = new EmbeddedWriteTransaction(connection, transaction, _time) { Rows = ahead.Rows, LinkWrite = ahead.LinkWrite };
                        var result = await BatchWriter.WritePlannedAsync(write, batch, ahead.Plan, cancellationToken);
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
