using CoopGraph.Domain.Model;

namespace CoopGraph.Graph;

/// <summary>
/// The single-key reads of a reader that holds its graph in memory (<see cref="ReadModel.ReadModelSnapshot"/>): each
/// answers at once, on the calling thread, what the batched read of <see cref="IGraphReader"/> answers for that key.
/// A request reading from such a reader has nothing to gain from batching its keys, and every level of its query
/// completes without waiting for the next batch.
/// </summary>
public interface IImmediateGraphReader
{
    /// <summary>The node, when it exists and the viewer sees it.</summary>
    Node? Node(Viewer viewer, string id);

    /// <summary>The link, when it exists and the viewer sees it.</summary>
    Link? Link(Viewer viewer, string id);

    /// <summary>One page of the links the node is an end of, as <see cref="IGraphReader.GetLinksOfNodesAsync"/> gives it.</summary>
    Page<Link> LinksOf(Viewer viewer, string nodeId, IReadOnlyCollection<LinkType>? types, PageRequest page);

    /// <summary>The ids at the other end of the node's links of one type in one direction; null when there is none.</summary>
    IReadOnlyList<string>? NeighbourIds(Viewer viewer, string nodeId, LinkType type, LinkDirection direction);
}
