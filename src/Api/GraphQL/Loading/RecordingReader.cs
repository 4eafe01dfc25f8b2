using CoopGraph.Api.GraphQL.Responses;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;

namespace CoopGraph.Api.GraphQL.Loading;

/// <summary>
/// A request's reader that notes in a <see cref="ReadSet"/> every key it is asked for before it answers, so that the
/// answer can be kept across versions that change none of them. A key asked for counts even when nothing is found: a
/// node added later under that id changes the answer.
/// </summary>
/// <param name="immediate">The same reader's single-key reads, when it has them (handed out only then).</param>
internal sealed class RecordingReader(IGraphReader inner, IImmediateGraphReader? immediate, ReadSet reads) : IGraphReader, IImmediateGraphReader
{
    /// <summary>The reader it records the reads of.</summary>
    public IGraphReader Inner => inner;

    private IImmediateGraphReader Immediate => immediate ?? throw new InvalidOperationException("This reader answers no single-key reads.");

    public Node? Node(Viewer viewer, string id)
    {
        reads.Node(id);
        return Immediate.Node(viewer, id);
    }

    public Link? Link(Viewer viewer, string id)
    {
        reads.Link(id);
        return Immediate.Link(viewer, id);
    }

    public Page<Link> LinksOf(Viewer viewer, string nodeId, IReadOnlyCollection<LinkType>? types, PageRequest page)
    {
        reads.LinksOf(nodeId);
        return Immediate.LinksOf(viewer, nodeId, types, page);
    }

    public IReadOnlyList<string>? NeighbourIds(Viewer viewer, string nodeId, LinkType type, LinkDirection direction)
    {
        reads.LinksOf(nodeId);
        return Immediate.NeighbourIds(viewer, nodeId, type, direction);
    }

    public Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        reads.Nodes(ids);
        return inner.GetNodesAsync(viewer, ids, cancellationToken);
    }

    public Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        reads.Links(ids);
        return inner.GetLinksAsync(viewer, ids, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken)
    {
        reads.LinksOf(nodeIds);
        return inner.GetLinksOfNodesAsync(viewer, nodeIds, types, page, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken)
    {
        reads.LinksOf(nodeIds);
        return inner.GetNeighbourIdsAsync(viewer, nodeIds, type, direction, cancellationToken);
    }

    public Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        reads.All();
        return inner.ListNodesAsync(viewer, query, page, cancellationToken);
    }

    public Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        reads.All();
        return inner.ListLinksAsync(viewer, query, page, cancellationToken);
    }

    public Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken)
    {
        reads.All();
        return inner.SearchAsync(viewer, text, first, cancellationToken);
    }

    public Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        reads.All();
        return inner.CountAsync(viewer, cancellationToken);
    }
}
