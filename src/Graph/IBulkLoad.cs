using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph;

/// <summary>
/// A large load announced to the store (<see cref="IGraphStore.BeginBulkLoadAsync"/>). Batches go through it in two
/// steps, so that the next batches are checked while the previous one is written, on two cores: <see cref="PrepareAsync"/>
/// then <see cref="WriteAsync"/>, in the same order, one batch after the other. A store may check a batch as if every
/// batch prepared before it had been written; when that turns out wrong (a write before it failed, another writer came
/// in between) it checks the batch again as it writes it, so a write's result is always what
/// <see cref="IGraphStore.WriteAsync"/> would have given at that moment. Disposing the load (or, after a crash, the
/// next start) puts the store back in its normal state.
/// </summary>
public interface IBulkLoad : IAsyncDisposable
{
    /// <summary>
    /// Checks a batch. A <see cref="PreparedWrite.Refused"/> write is refused whole: the caller drops the items named
    /// and prepares the rest again. Any other is written next with <see cref="WriteAsync"/>.
    /// </summary>
    Task<PreparedWrite> PrepareAsync(GraphBatch batch, CancellationToken cancellationToken);

    /// <summary>Writes a prepared batch atomically, as <see cref="IGraphStore.WriteAsync"/> does.</summary>
    Task<WriteResult> WriteAsync(PreparedWrite prepared, CancellationToken cancellationToken);
}
