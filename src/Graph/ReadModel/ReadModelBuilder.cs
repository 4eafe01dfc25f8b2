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

    // Every text an element shares with others, held once: the export reads each row's texts as new strings, so a
    // link's ends were copies of its nodes' ids, and a dataset's name or an authority's id was one copy per element
    // that carries it. Only for the build; the snapshot keeps the instances.
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public void AddNode(Node node, long seq)
    {
        _nodes.Add(node with
        {
            Id = Held(node.Id),
            Source = HeldOrNull(node.Source),
            PrivateTo = HeldOrNull(node.PrivateTo),
            Tags = node.Tags.Count == 0 ? [] : node.Tags,
        });
        _nodeSeqs.Add(seq);
    }

    public void AddLink(Link link, long seq)
    {
        _links.Add(link with
        {
            SourceId = Held(link.SourceId),
            TargetId = Held(link.TargetId),
            Source = HeldOrNull(link.Source),
            PrivateTo = HeldOrNull(link.PrivateTo),
        });
        _linkSeqs.Add(seq);
    }

    private string Held(string text)
    {
        if (_texts.TryGetValue(text, out var held))
        {
            return held;
        }
        _texts.Add(text, text);
        return text;
    }

    private string? HeldOrNull(string? text) => text is null ? null : Held(text);

    // A store that holds a sequenced sink always calls the overloads with a seq; these would lose listing order.
    void IGraphSink.AddNode(Node node) => throw new InvalidOperationException("The read model needs each node's seq.");

    void IGraphSink.AddLink(Link link) => throw new InvalidOperationException("The read model needs each link's seq.");

    /// <param name="search">The store's search when the snapshot can answer it as the store does; else search goes to the store.</param>
    public ReadModelSnapshot Build(long version, IGraphReader fallback, IFts5Search? search = null)
    {
        // The elements hold the texts now; the lookup (every node id and more) is not needed while the snapshot indexes.
        _texts.Clear();
        _texts.TrimExcess();
        return new(version, [.. _nodes], [.. _nodeSeqs], [.. _links], [.. _linkSeqs], fallback, search?.SearchTokenizer);
    }
}
