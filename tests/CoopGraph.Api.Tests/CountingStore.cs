using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;

namespace CoopGraph.Api.Tests;

/// <summary>Counts the calls that reach the store, to prove that resolvers batch.</summary>
public sealed class CountingStore(IGraphStore inner) : IGraphStore
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    private T Count<T>(T value)
    {
        Interlocked.Increment(ref _calls);
        return value;
    }

    public Task<long> GetVersionAsync(CancellationToken cancellationToken) => Count(inner.GetVersionAsync(cancellationToken));

    public Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken) => Count(inner.WriteAsync(batch, cancellationToken));

    public Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetNodesAsync(viewer, ids, cancellationToken));

    public Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetLinksAsync(viewer, ids, cancellationToken));

    public Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken) => Count(inner.ListNodesAsync(viewer, query, page, cancellationToken));

    public Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken) => Count(inner.ListLinksAsync(viewer, query, page, cancellationToken));

    public Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken) =>
        Count(inner.GetLinksOfNodesAsync(viewer, nodeIds, types, page, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken) =>
        Count(inner.GetNeighbourIdsAsync(viewer, nodeIds, type, direction, cancellationToken));

    public Task<IBulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken) => Count(inner.BeginBulkLoadAsync(cancellationToken));

    public Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken) => Count(inner.SearchAsync(viewer, text, first, cancellationToken));

    public Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken) => Count(inner.ExportAsync(viewer, sink, cancellationToken));

    public Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken) => Count(inner.CountAsync(viewer, cancellationToken));
}
