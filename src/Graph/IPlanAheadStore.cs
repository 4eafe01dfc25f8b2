using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph;

/// <summary>
/// A store that can check the next batches of a load while it writes the previous one, so that checking and writing
/// run on two cores. Batches are prepared and written in the same order, one load at a time; a store may then check
/// a batch as if every batch prepared before it had been written. When that turns out wrong (a write before it
/// failed, another writer came in between), the store checks the batch again as it writes it, so a write's result is
/// always what <see cref="IGraphStore.WriteAsync"/> would have given at that moment.
/// </summary>
public interface IPlanAheadStore
{
    /// <summary>
    /// Checks a batch. When the result has errors, nothing was prepared: the batch would be refused whole, and the
    /// caller drops the items named and prepares the rest again. Otherwise write it next with <see cref="WriteAsync"/>.
    /// </summary>
    Task<PreparedWrite> PrepareAsync(GraphBatch batch, CancellationToken cancellationToken);

    /// <summary>Writes a prepared batch atomically, as <see cref="IGraphStore.WriteAsync"/> does.</summary>
    Task<WriteResult> WriteAsync(PreparedWrite prepared, CancellationToken cancellationToken);
}

/// <summary>A batch checked ahead of its write, or the errors that refuse it.</summary>
public sealed class PreparedWrite
{
    internal PreparedWrite(GraphBatch batch, IReadOnlyList<UserError> errors, long sequence, object? state)
    {
        Batch = batch;
        Errors = errors;
        Sequence = sequence;
        State = state;
    }

    public GraphBatch Batch { get; }

    public IReadOnlyList<UserError> Errors { get; }

    /// <summary>The order in which the store handed it out; 0 when there is nothing to write.</summary>
    internal long Sequence { get; }

    /// <summary>What the store made of it ahead of time (its plan), or null to check it as it is written.</summary>
    internal object? State { get; }

    /// <summary>For stores that check nothing ahead: the batch, checked when it is written.</summary>
    public static PreparedWrite Unchecked(GraphBatch batch) => new(batch, [], 0, null);
}
