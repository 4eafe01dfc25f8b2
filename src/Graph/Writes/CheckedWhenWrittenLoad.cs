using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Writes;

/// <summary>
/// The bulk load of a store that checks nothing ahead: every batch is checked when it is written, as any write is.
/// Wrappers of a store use it too when they do not pass their inner store's load on.
/// </summary>
public sealed class CheckedWhenWrittenLoad(IGraphStore store, IAsyncDisposable? scope = null) : IBulkLoad
{
    public Task<PreparedWrite> PrepareAsync(GraphBatch batch, CancellationToken cancellationToken) =>
        Task.FromResult<PreparedWrite>(new PreparedWrite.CheckedWhenWritten(batch));

    public Task<WriteResult> WriteAsync(PreparedWrite prepared, CancellationToken cancellationToken) =>
        prepared is PreparedWrite.Refused
            ? throw new ArgumentException("A batch refused when it was prepared cannot be written.", nameof(prepared))
            : store.WriteAsync(prepared.Batch, cancellationToken);

    public ValueTask DisposeAsync() => scope?.DisposeAsync() ?? ValueTask.CompletedTask;
}
