using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph;

/// <summary>
/// The graph as the rest of CoopGraph sees it, whichever database holds it. Every read that takes a
/// list of ids answers for all of them in one call, so that GraphQL resolvers can batch. Every read answers for one
/// <see cref="Viewer"/>: what it cannot see (data private to another authority) is, in the answer, not there at all —
/// not in lists, counts, pages, cursors or search.
/// </summary>
public interface IGraphStore : IGraphReader
{
    /// <summary>Increases with every committed write; equal versions mean equal contents.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>Checks and applies a batch atomically: on any error nothing is written and every error is returned.</summary>
    Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the whole graph into <paramref name="sink"/> (every node, then every link) from one consistent
    /// snapshot, and returns the version of that snapshot. Projections are built from it (as <see cref="Viewer.Everything"/>,
    /// each node and link with its privateTo, so that one projection answers every viewer).
    /// </summary>
    Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken);

    /// <summary>
    /// Announces a large load (an import), through which its batches are then prepared and written (see
    /// <see cref="IBulkLoad"/>). A store may write faster meanwhile by deferring work it can do at once at the end, such
    /// as secondary indexes, and by checking batches ahead of their write; everything written stays correct and
    /// readable meanwhile.
    /// </summary>
    Task<IBulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken);
}

public enum LinkDirection
{
    Outgoing,
    Incoming,
}

public sealed record GraphCounts(long Nodes, long Links, long Version);
