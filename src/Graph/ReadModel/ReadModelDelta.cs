using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>The changes since a snapshot's version, as a store's <see cref="IDeltaExport"/> gives them.</summary>
internal sealed class ReadModelDelta : IDeltaSink
{
    public List<(Node Node, long Seq)> Nodes { get; } = [];

    public List<(Link Link, long Seq)> Links { get; } = [];

    public HashSet<string> RemovedNodes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> RemovedLinks { get; } = new(StringComparer.Ordinal);

    public void AddNode(Node node, long seq) => Nodes.Add((node, seq));

    public void AddLink(Link link, long seq) => Links.Add((link, seq));

    public void RemoveNode(string id) => RemovedNodes.Add(id);

    public void RemoveLink(string id) => RemovedLinks.Add(id);

    // A delta always carries seqs; these would lose listing order.
    void IGraphSink.AddNode(Node node) => throw new InvalidOperationException("The read model needs each node's seq.");

    void IGraphSink.AddLink(Link link) => throw new InvalidOperationException("The read model needs each link's seq.");
}
