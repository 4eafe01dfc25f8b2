using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// What a bulk load shares with every write of the embedded store: how many loads run and whether they deferred the
/// indexes, the load's memory (<see cref="BulkLoadMemory"/>), the order of the writes it prepared, and the checks that wait. Only a load into an empty store has a memory; it
/// answers every check without SQLite and takes in each batch as it is checked, so that the next batch is checked as
/// if it had been written. Should that not hold — a write fails, another writer comes in between, another process
/// writes the file, a batch is written out of order — the memory is dropped and every batch still to be written is
/// checked again inside its own transaction.
/// </summary>
internal sealed class BulkLoadState
{
    // Batches are checked on the import's checking thread while the write lock's holder writes on another.
    private readonly Lock _gate = new();

    private BulkLoadMemory? _memory;

    // Sequence numbers: handed out to prepared writes, and the last one written.
    private long _prepared;
    private long _written;

    // Writes that need SQLite to be checked, so are checked when written (and other writes that keep the memory, see
    // HoldForWrite): the next check waits for them.
    private int _checkedWhenWritten;

    // A batch is being checked against the memory, outside the gate (see CheckAhead).
    private bool _planning;
    private TaskCompletionSource? _drained;

    /// <summary>Loads in progress in this process; changed under the store's write lock only.</summary>
    public int Loads { get; private set; }

    /// <summary>Whether a load of this process deferred the indexes, which the last one out restores.</summary>
    public bool IndexesDeferred { get; private set; }

    /// <summary>A load begins, under the store's write lock; true for the first in, which may defer the indexes.</summary>
    public bool Enter() => ++Loads == 1;

    /// <summary>The first load found the store empty and deferred its indexes: it checks ahead against a memory of it.</summary>
    public void Deferred(BulkLoadMemory memory)
    {
        IndexesDeferred = true;
        Start(memory);
    }

    /// <summary>A load ends, under the store's write lock; true when the indexes are now to be restored.</summary>
    public bool Leave()
    {
        if (--Loads > 0)
        {
            return false;
        }
        End();
        return IndexesDeferred;
    }

    /// <summary>The deferred indexes are back.</summary>
    public void Restored() => IndexesDeferred = false;

    // A load into an empty store starts with a memory of it; prepared writes of an earlier load never written do not count.
    private void Start(BulkLoadMemory memory) => Reset(memory);

    // At the end of the last load: prepared writes never written (a cancelled import) must not hold the next load back.
    private void End() => Reset(null);

    private void Reset(BulkLoadMemory? memory)
    {
        lock (_gate)
        {
            _memory = memory;
            _written = _prepared;
            ReleaseWaitingLocked(_checkedWhenWritten);
        }
    }

    /// <summary>The memory no longer describes the store: every batch still to be written is checked in its own transaction.</summary>
    public void Drop()
    {
        lock (_gate)
        {
            _memory = null;
        }
    }

    public BulkLoadMemory? Memory
    {
        get
        {
            lock (_gate)
            {
                return _memory;
            }
        }
    }

    /// <summary>The memory if it still describes the file at <paramref name="version"/> (no other process wrote since); else drops it.</summary>
    public BulkLoadMemory? CurrentAt(BulkLoadMemory memory, long version)
    {
        lock (_gate)
        {
            if (memory.Version != version && ReferenceEquals(_memory, memory))
            {
                _memory = null;
            }
            return _memory;
        }
    }

    /// <summary>A write checked against SQLite went through: the memory takes it in.</summary>
    public void Record(BulkLoadMemory memory, WritePlan plan, long version)
    {
        lock (_gate)
        {
            memory.Record(plan);
            memory.Version = version;
        }
    }

    /// <summary>A batch checked ahead was written, or refused after all.</summary>
    public void Written(AheadPlan ahead, WriteResult result)
    {
        lock (_gate)
        {
            if (result.Errors.Count > 0)
            {
                _memory = null;
            }
            else
            {
                ahead.Memory.Version = result.Version;
            }
        }
    }

    public async Task<PreparedWrite> PrepareAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            BulkLoadMemory? memory = null;
            Task drained = Task.CompletedTask;
            lock (_gate)
            {
                if (_memory is null || batch.ValidateOnly || _planning)
                {
                    // No memory to check against (or another load is checking against it): the batch is checked against
                    // SQLite when written, as any write.
                    return new PreparedWrite.CheckedWhenWritten(batch, ++_prepared);
                }
                if (_checkedWhenWritten == 0)
                {
                    memory = _memory;
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
    /// Checks a batch against the memory, outside the gate, so that the writer only needs the gate for a moment per
    /// batch. While <see cref="_planning"/> is set, no one else reads or changes the memory's contents (see
    /// <see cref="HoldForWrite"/>); the memory may be dropped meanwhile, which the gate shows at the end.
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
                    ahead = new AheadPlan(plan, memory, linkWrite, PlanRows.Encode(plan));
                }
                else
                {
                    refused = plan;
                }
            }
        }
        catch
        {
            lock (_gate)
            {
                _planning = false;
                // The memory may have taken the batch in, and it will not be written.
                _memory = null;
            }
            throw;
        }
        lock (_gate)
        {
            _planning = false;
            if (!ReferenceEquals(memory, _memory))
            {
                // Dropped while the batch was checked (a write failed, another writer came): checked again when written.
                ahead?.Rows.Release();
                return new PreparedWrite.CheckedWhenWritten(batch, ++_prepared);
            }
            if (needsStore)
            {
                // SQLite must answer (deletions, or ids the memory may hold), and only once the batches before are written.
                _checkedWhenWritten++;
                return new PreparedWrite.CheckedWhenWritten(batch, ++_prepared, OthersWait: true);
            }
            return refused is not null
                ? new PreparedWrite.Refused(batch, refused.Errors)
                : new CheckedAheadWrite(batch, ++_prepared, ahead!);
        }
    }

    /// <summary>
    /// For a write checked against SQLite while a load may hold a memory: it keeps the memory only if no batch is
    /// checked ahead of it (none waiting to be written, none being checked), and then holds back later checks until it
    /// is written and taken in, as a batch that needs the store does. Else the memory is dropped.
    /// </summary>
    /// <returns>Whether the write holds the memory (and must be released by <see cref="Release"/>).</returns>
    public bool HoldForWrite()
    {
        lock (_gate)
        {
            return HoldLocked();
        }
    }

    /// <summary>
    /// Before a prepared write is written: the plan checked ahead that still holds, or null to check the batch as it is
    /// written (and then whether that write holds the memory).
    /// </summary>
    public AheadPlan? BeginWrite(PreparedWrite prepared, out bool holdsMemory)
    {
        holdsMemory = false;
        lock (_gate)
        {
            switch (prepared)
            {
                case CheckedAheadWrite ahead:
                    var inOrder = ahead.Sequence == _written + 1;
                    _written = Math.Max(_written, ahead.Sequence);
                    // Checked ahead on the assumption that the writes before it happened, in order, with this memory.
                    if (inOrder && ReferenceEquals(ahead.Plan.Memory, _memory))
                    {
                        return ahead.Plan;
                    }
                    _memory = null;
                    return null;
                case PreparedWrite.CheckedWhenWritten { OthersWait: true } waited:
                    _written = Math.Max(_written, waited.Sequence);
                    // Later checks already wait for this one; none can have been taken in ahead of it.
                    if (_prepared > _written)
                    {
                        _memory = null;
                    }
                    return null;
                case PreparedWrite.CheckedWhenWritten plain:
                    _written = Math.Max(_written, plain.Sequence);
                    holdsMemory = HoldLocked();
                    return null;
                default:
                    throw new ArgumentException("A batch refused when it was prepared cannot be written.", nameof(prepared));
            }
        }
    }

    /// <summary>After a write: lets the checks that waited for it go on.</summary>
    public void Release(int count)
    {
        if (count == 0)
        {
            return;
        }
        lock (_gate)
        {
            ReleaseWaitingLocked(count);
        }
    }

    private bool HoldLocked()
    {
        if (_memory is null)
        {
            return false;
        }
        if (_prepared > _written || _planning)
        {
            _memory = null;
            return false;
        }
        _checkedWhenWritten++;
        return true;
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
