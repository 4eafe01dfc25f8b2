using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Receives a store's export (every node, then every link, each with its seq, in seq order) and freezes it into a
/// <see cref="ReadModelSnapshot"/>. Both stores export in seq order, so positions in the arrays are listing order.
/// Links go straight into their compact columns (<see cref="LinkColumns"/>): the export's objects are let go row by row.
/// </summary>
internal sealed class ReadModelBuilder : ISequencedSink
{
    private readonly List<Node> _nodes = [];
    private readonly List<long> _nodeSeqs = [];
    private readonly Dictionary<string, int> _nodePositions = new(StringComparer.Ordinal);
    private readonly LinkColumns.Builder _links = new(TextTable.Empty);

    // Every text an element shares with others, held once: the export reads each row's texts as new strings, so a
    // dataset's name or an authority's id would be one copy per element that carries it. Only for the build; the
    // snapshot keeps the instances.
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public void AddNode(Node node, long seq)
    {
        _nodePositions[node.Id] = _nodes.Count;
        _nodes.Add(node with
        {
            Source = HeldOrNull(node.Source),
            PrivateTo = HeldOrNull(node.PrivateTo),
            Tags = node.Tags.Count == 0 ? [] : node.Tags,
        });
        _nodeSeqs.Add(seq);
    }

    public void AddLink(Link link, long seq)
    {
        var texts = _links.Texts;
        var row = new LinkRow(link, texts.Number(HeldOrNull(link.Source)), texts.Number(HeldOrNull(link.PrivateTo)), texts.Number(link.Note));
        _links.Add(link.Id, row, seq, End(link.SourceId, link.Id), End(link.TargetId, link.Id));
    }

    private int End(string nodeId, string linkId) =>
        _nodePositions.TryGetValue(nodeId, out var position)
            ? position
            : throw new InvalidOperationException($"The export gave link {linkId} before, or without, its end {nodeId}.");

    private string? HeldOrNull(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (_texts.TryGetValue(text, out var held))
        {
            return held;
        }
        _texts.Add(text, text);
        return text;
    }

    // A store that holds a sequenced sink always calls the overloads with a seq; these would lose listing order.
    void IGraphSink.AddNode(Node node) => throw new InvalidOperationException("The read model needs each node's seq.");

    void IGraphSink.AddLink(Link link) => throw new InvalidOperationException("The read model needs each link's seq.");

    /// <summary>The snapshot of what was received; once: the snapshot takes the builder's node index.</summary>
    /// <param name="search">The store's search when the snapshot can answer it as the store does; else search goes to the store.</param>
    public ReadModelSnapshot Build(long version, IGraphReader fallback, IFts5Search? search = null)
    {
        // The elements hold the texts now; their lookup is not needed while the snapshot indexes. The nodes' positions,
        // which placed the links' ends, are the snapshot's node index.
        _texts.Clear();
        _texts.TrimExcess();
        return new(version, [.. _nodes], [.. _nodeSeqs], _nodePositions, _links.Build(), fallback, search?.SearchTokenizer);
    }
}
