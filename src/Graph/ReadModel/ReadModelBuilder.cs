using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Receives a store's export (every node, then every link, each with its seq, in seq order) and freezes it into a
/// <see cref="ReadModelSnapshot"/>. Both stores export in seq order, so positions in the arrays are listing order.
/// </summary>
internal sealed class ReadModelBuilder : ISequencedSink
{
    private readonly List<Node> _nodes = [];
    private readonly List<long> _nodeSeqs = [];
    private readonly List<Link> _links = [];
    private readonly List<long> _linkSeqs = [];

    public void AddNode(Node node, long seq)
    {
        _nodes.Add(node);
        _nodeSeqs.Add(seq);
    }

    public void AddLink(Link link, long seq)
    {
        _links.Add(link);
        _linkSeqs.Add(seq);
    }

    // A store that holds a sequenced sink always calls the overloads with a seq; these would lose listing order.
    void IGraphSink.AddNode(Node node) => throw new InvalidOperationException("The read model needs each node's seq.");

    void IGraphSink.AddLink(Link link) => throw new InvalidOperationException("The read model needs each link's seq.");

    /// <param name="search">The store's search when the snapshot can answer it as the store does; else search goes to the store.</param>
    public ReadModelSnapshot Build(long version, IGraphReader fallback, IFts5Search? search = null) =>
        new(version, [.. _nodes], [.. _nodeSeqs], [.. _links], [.. _linkSeqs], fallback, search?.SearchTokenizer);
}
