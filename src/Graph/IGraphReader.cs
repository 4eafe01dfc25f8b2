using CoopGraph.Domain.Model;

namespace CoopGraph.Graph;

/// <summary>
/// The reads of the graph, for one <see cref="Viewer"/> at a time: what the viewer cannot see is not in any answer.
/// Every store answers them, and so does the read model (<see cref="ReadModel.ReadModelSnapshot"/>), which answers them
/// from memory for one version of the store.
/// </summary>
public interface IGraphReader
{
    /// <summary>The nodes that exist among <paramref name="ids"/>, in no particular order.</summary>
    Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken);

    Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>For each node, one page of the links it is an end of (either direction).</summary>
    Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken);

    /// <summary>For each node, the ids at the other end of its links of one type in one direction.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken);

    /// <summary>Full-text search on names and descriptions, best matches first.</summary>
    Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken);

    /// <summary>The nodes and links the viewer sees, and the store's version.</summary>
    Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken);
}
