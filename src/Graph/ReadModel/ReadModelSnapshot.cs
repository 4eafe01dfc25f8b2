using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// The whole graph of one store version in memory, answering the store's reads as the stores do — same items, same
/// order, same cursors (each item's seq), same counts, for every viewer (each node and link keeps its privateTo) — so
/// that a request pinned to this version never leaves the process. Immutable once built; shared by every request.
/// Full-text reads (search, listings by text) are answered here when the store's search is FTS5's (the embedded store),
/// with its tokenizer and ranking (<see cref="TextIndex"/>); Neo4j's is Lucene's, and goes to <c>fallback</c>.
/// </summary>
public sealed partial class ReadModelSnapshot : IGraphReader, IImmediateGraphReader
{
    // Elements in chunks: a write copies only the chunks it rewrites (see Apply); indexes are plain arrays, shared.
    private readonly ChunkedArray<Node> _nodes;
    private readonly ChunkedArray<long> _nodeSeqs;
    private readonly ChunkedArray<int> _ownDomains;
    private readonly NodeIndex _nodeIndex;
    // Links as compact rows (see LinkRow), their texts numbered in _linkTexts, their ids in _linkIds.
    private readonly ChunkedArray<LinkRow> _links;
    private readonly TextTable _linkTexts;
    private readonly LinkIds _linkIds;
    private readonly ChunkedArray<long> _linkSeqs;
    private readonly ChunkedArray<int> _linkSource;
    private readonly ChunkedArray<int> _linkTarget;
    // Per node, the links it is an end of (a link to itself once), and the links of each type, in seq order.
    private readonly LinkAdjacency _adjacency;
    private readonly NodesByKind _nodesByKind;
    private readonly Dictionary<string, int> _territoryByCode;
    private readonly Dictionary<int, List<int>> _territoryChildren;
    private readonly IGraphReader _fallback;
    private readonly ITextTokenizer? _tokenizer;
    private readonly TextIndex? _text;
    // Instead of _text, after nodes were appended: built when first asked for (see PendingTextIndex).
    private readonly PendingTextIndex? _pendingText;

    /// <param name="nodeIndex">Each node's index in <paramref name="nodes"/>, by id: whoever placed the links' ends made it.</param>
    /// <param name="links">The links, their ends given as indexes in <paramref name="nodes"/>.</param>
    internal ReadModelSnapshot(long version, Node[] nodes, long[] nodeSeqs, Dictionary<string, int> nodeIndex, LinkColumns links, IGraphReader fallback,
        ITextTokenizer? tokenizer = null)
    {
        Version = version;
        _fallback = fallback;
        _tokenizer = tokenizer;
        _nodes = ChunkedArray<Node>.From(nodes);
        _nodeSeqs = ChunkedArray<long>.From(nodeSeqs);
        _links = links.Rows;
        _linkTexts = links.Texts;
        _linkIds = links.Ids;
        _linkSeqs = links.Seqs;
        _linkSource = links.Sources;
        _linkTarget = links.Targets;
        // Both stores export in seq order; a listing's order and cursors depend on it, so it is checked, not assumed.
        EnsureAscending(_nodeSeqs, 1, "node");
        EnsureAscending(_linkSeqs, 1, "link");

        _nodeIndex = new NodeIndex(nodeIndex);
        var ownDomains = new int[nodes.Length];
        _territoryByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            ownDomains[i] = node.OwnDomains.Bits;
            if (node is Territory territory)
            {
                // Two territories never share a code (the stores' constraint); the first keeps it, as SQL's lookup would find either.
                _territoryByCode.TryAdd(territory.Code, i);
            }
        }
        _ownDomains = ChunkedArray<int>.From(ownDomains);
        _nodesByKind = NodesByKind.Build(nodes.Length, i => nodes[i].Kind);
        _text = tokenizer is null ? null : TextIndex.Build(nodes, tokenizer);

        _territoryChildren = [];
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is Territory { ParentId: { } parentId } && _nodeIndex.TryFind(parentId, out var parent) && nodes[parent] is Territory)
            {
                if (!_territoryChildren.TryGetValue(parent, out var children))
                {
                    _territoryChildren[parent] = children = [];
                }
                children.Add(i);
            }
        }

        _adjacency = LinkAdjacency.Build(nodes.Length, links);
    }

    /// <summary>
    /// The nodes of a snapshot made from another, and the indexes over them: those of the other, or the same with nodes
    /// rewritten in place (same kind, text and place in the tree) or appended (none a territory).
    /// </summary>
    private readonly record struct NodeSide(ChunkedArray<Node> Nodes, ChunkedArray<long> Seqs, ChunkedArray<int> OwnDomains, NodeIndex Index,
        NodesByKind ByKind, TextIndex? Text, PendingTextIndex? PendingText);

    /// <summary>The nodes of this snapshot, and the indexes over them.</summary>
    private NodeSide Nodes => new(_nodes, _nodeSeqs, _ownDomains, _nodeIndex, _nodesByKind, _text, _pendingText);

    /// <summary>
    /// A snapshot of <paramref name="shape"/>'s territorial tree with these nodes and links: the links' indexes are built
    /// again, or given (<paramref name="adjacency"/>) when links were only rewritten in place or appended.
    /// </summary>
    /// <param name="firstChecked">The first link whose seq is checked against the one before it: those before were.</param>
    private ReadModelSnapshot(ReadModelSnapshot shape, long version, NodeSide nodes, LinkColumns links, LinkAdjacency? adjacency = null, int firstChecked = 1)
    {
        Version = version;
        _fallback = shape._fallback;
        _tokenizer = shape._tokenizer;
        (_nodes, _nodeSeqs, _ownDomains, _nodeIndex, _nodesByKind, _text, _pendingText) = nodes;
        _territoryByCode = shape._territoryByCode;
        _territoryChildren = shape._territoryChildren;
        _links = links.Rows;
        _linkTexts = links.Texts;
        _linkIds = links.Ids;
        _linkSeqs = links.Seqs;
        _linkSource = links.Sources;
        _linkTarget = links.Targets;
        EnsureAscending(_linkSeqs, Math.Max(1, firstChecked), "link");
        _adjacency = adjacency ?? LinkAdjacency.Build(_nodes.Length, links);
    }

    /// <summary>The store version this snapshot is a copy of.</summary>
    public long Version { get; }

    /// <summary>
    /// What this snapshot changed against the one it was made from, when it was made by applying a write's changes; null
    /// when it is a whole copy of the graph.
    /// </summary>
    public SnapshotChanges? Changes { get; private set; }

    public int NodeCount => _nodes.Length;

    /// <summary>A node's seq (its place in listings), or null when there is no such node.</summary>
    public long? SeqOf(string nodeId) => _nodeIndex.TryFind(nodeId, out var i) ? _nodeSeqs[i] : null;

    public int LinkCount => _links.Length;

    public Node? Node(Viewer viewer, string id) =>
        _nodeIndex.TryFind(id, out var i) && viewer.CanSee(_nodes[i].PrivateTo) ? _nodes[i] : null;

    public Link? Link(Viewer viewer, string id) =>
        _linkIds.TryFind(id, out var i) && Sees(viewer, _links[i]) ? LinkAt(i) : null;

    /// <summary>The link at <paramref name="index"/>, made from its row.</summary>
    private Link LinkAt(int index) =>
        _links[index].ToLink(_linkIds[index], _nodes[_linkSource[index]].Id, _nodes[_linkTarget[index]].Id, _linkTexts);

    /// <summary>Whether <paramref name="viewer"/> may see the link of <paramref name="row"/>.</summary>
    private bool Sees(Viewer viewer, in LinkRow row) => row.PrivateTo == 0 || viewer.CanSee(_linkTexts[row.PrivateTo]);

    public Page<Link> LinksOf(Viewer viewer, string nodeId, IReadOnlyCollection<LinkType>? types, PageRequest page)
    {
        // No type, or an empty list of them, is every type; a dozen types at most, so a list's Contains is enough.
        types = types is { Count: > 0 } ? types : null;
        var after = PageCursors.Parse(page.After);
        var items = new List<PageItem<Link>>(Math.Min(page.First + 1, 64));
        long total = 0;
        if (_nodeIndex.TryFind(nodeId, out var node))
        {
            foreach (var i in _adjacency.Of(node))
            {
                var row = _links[i];
                if ((types is null || types.Contains(row.Type)) && Sees(viewer, row))
                {
                    total++;
                    var seq = _linkSeqs[i];
                    if (seq > after && items.Count <= page.First)
                    {
                        items.Add(new PageItem<Link>(LinkAt(i), PageCursors.Of(seq)));
                    }
                }
            }
        }
        return PageCursors.Page(items, page.First, total);
    }

    public IReadOnlyList<string>? NeighbourIds(Viewer viewer, string nodeId, LinkType type, LinkDirection direction)
    {
        if (!_nodeIndex.TryFind(nodeId, out var node))
        {
            return null;
        }
        List<string>? ends = null;
        foreach (var i in _adjacency.Of(node))
        {
            var near = direction == LinkDirection.Outgoing ? _linkSource[i] : _linkTarget[i];
            var row = _links[i];
            if (row.Type == type && near == node && Sees(viewer, row))
            {
                (ends ??= []).Add(_nodes[direction == LinkDirection.Outgoing ? _linkTarget[i] : _linkSource[i]].Id);
            }
        }
        return ends;
    }

    public Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var result = new List<Node>(ids.Count);
        foreach (var id in Distinct(ids))
        {
            if (Node(viewer, id) is { } node)
            {
                result.Add(node);
            }
        }
        return Task.FromResult<IReadOnlyList<Node>>(result);
    }

    public Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var result = new List<Link>(ids.Count);
        foreach (var id in Distinct(ids))
        {
            if (Link(viewer, id) is { } link)
            {
                result.Add(link);
            }
        }
        return Task.FromResult<IReadOnlyList<Link>>(result);
    }

    public Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Page<Link>>(StringComparer.Ordinal);
        foreach (var id in nodeIds)
        {
            result[id] = LinksOf(viewer, id, types, page);
        }
        return Task.FromResult<IReadOnlyDictionary<string, Page<Link>>>(result);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var id in Distinct(nodeIds))
        {
            if (NeighbourIds(viewer, id, type, direction) is { } ends)
            {
                result[id] = ends;
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(result);
    }

    /// <summary>
    /// The store's search: the matches the viewer sees in FTS5's rank order (ties by seq), as many more than asked as the
    /// store reads, then exact names first (<see cref="SearchRanking"/>). Left to the store when this snapshot has no
    /// text index or a word is not one token to it.
    /// </summary>
    public Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (Text is not { } index || index.Prefixes(text) is not { } prefixes)
        {
            return _fallback.SearchAsync(viewer, text, first, cancellationToken);
        }
        if (prefixes.Length == 0 || first <= 0)
        {
            return Task.FromResult<IReadOnlyList<Node>>([]);
        }
        var best = index.Best(prefixes, first + SearchRanking.Headroom, doc => viewer.CanSee(_nodes[doc].PrivateTo));
        var ranked = best.ConvertAll(doc => _nodes[doc]);
        return Task.FromResult(SearchRanking.ExactNamesFirst(ranked, text, first));
    }

    /// <summary>Whether this snapshot answers a search for <paramref name="text"/> itself (else the store does).</summary>
    internal bool SearchesItself(string text) => Text?.Prefixes(text) is not null;

    /// <summary>The text index, when this snapshot has one (see <see cref="PendingTextIndex"/>): else text reads are the store's.</summary>
    private TextIndex? Text => _text ?? _pendingText?.Get();

    /// <summary>Waits for this snapshot's text index to be built, when it has one to build: for tests.</summary>
    internal Task TextIndexBuiltAsync(CancellationToken cancellationToken) =>
        _pendingText?.BuiltAsync(cancellationToken) ?? Task.CompletedTask;

    public Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        long nodes = 0, links = 0;
        foreach (var node in _nodes)
        {
            nodes += viewer.CanSee(node.PrivateTo) ? 1 : 0;
        }
        for (var i = 0; i < _links.Length; i++)
        {
            links += Sees(viewer, _links[i]) ? 1 : 0;
        }
        return Task.FromResult(new GraphCounts(nodes, links, Version));
    }

    private static IEnumerable<string> Distinct(IReadOnlyCollection<string> ids) =>
        ids.Count <= 1 ? ids : ids.Distinct(StringComparer.Ordinal);

    private static void EnsureAscending(ChunkedArray<long> seqs, int from, string what)
    {
        for (var i = from; i < seqs.Length; i++)
        {
            if (seqs[i] <= seqs[i - 1])
            {
                throw new InvalidOperationException($"The export did not give each {what} in seq order.");
            }
        }
    }
}
