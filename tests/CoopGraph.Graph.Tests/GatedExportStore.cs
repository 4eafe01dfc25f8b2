using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests;

/// <summary>A store whose exports (projection builds) wait until the test opens the gate; everything else passes through.</summary>
public sealed class GatedExportStore(IGraphStore inner) : IGraphStore
{
    private TaskCompletionSource _gate = Open();

    public int Exports { get; private set; }

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken)
    {
        Exports++;
        var version = await inner.ExportAsync(viewer, sink, cancellationToken);
        await _gate.Task.WaitAsync(cancellationToken);
        return version;
    }

    public Task<long> GetVersionAsync(CancellationToken cancellationToken) => inner.GetVersionAsync(cancellationToken);

    public Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken) => inner.WriteAsync(batch, cancellationToken);

    public Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetNodesAsync(viewer, ids, cancellationToken);

    public Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetLinksAsync(viewer, ids, cancellationToken);

    public Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken) => inner.ListNodesAsync(viewer, query, page, cancellationToken);

    public Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken) => inner.ListLinksAsync(viewer, query, page, cancellationToken);

    public Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken) =>
        inner.GetLinksOfNodesAsync(viewer, nodeIds, types, page, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken) =>
        inner.GetNeighbourIdsAsync(viewer, nodeIds, type, direction, cancellationToken);

    public Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken) => inner.SearchAsync(viewer, text, first, cancellationToken);

    public Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken) => inner.CountAsync(viewer, cancellationToken);

    public Task<IBulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken) => inner.BeginBulkLoadAsync(cancellationToken);

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
