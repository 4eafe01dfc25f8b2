using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph;

/// <summary>
/// A batch a bulk load prepared (see <see cref="IBulkLoad"/>): refused, to be checked when written, or checked ahead by a
/// store that can (the embedded store's <c>CheckedAheadWrite</c>). The set is closed: only this assembly adds kinds.
/// </summary>
public abstract record PreparedWrite
{
    private protected PreparedWrite(GraphBatch batch) => Batch = batch;

    public GraphBatch Batch { get; }

    /// <summary>Why the batch is refused; empty when it is to be written.</summary>
    public virtual IReadOnlyList<UserError> Errors => [];

    /// <summary>Refused whole when checked: nothing was prepared.</summary>
    public sealed record Refused(GraphBatch Batch, IReadOnlyList<UserError> Reasons) : PreparedWrite(Batch)
    {
        public override IReadOnlyList<UserError> Errors => Reasons;
    }

    /// <summary>Checked against the store only when written, inside the write's transaction.</summary>
    /// <param name="Sequence">The order the load handed it out in; 0 when the store keeps no order.</param>
    /// <param name="OthersWait">Whether later batches wait for its write before they are checked (it needs the store to be checked).</param>
    public sealed record CheckedWhenWritten(GraphBatch Batch, long Sequence = 0, bool OthersWait = false) : PreparedWrite(Batch);
}
