using System.Collections;
using System.Collections.Immutable;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Per node, the links it is an end of (a link to itself once), and the links of each type, all in seq order (a link's
/// index is its place in seq order). The links indexed when it was built are in CSR form; those appended since are
/// kept per node beside it (<see cref="Appended"/>), so that a write adding a link to a graph of ten million costs what
/// it adds, not a walk over every link. Immutable; a snapshot appending links shares the CSR.
/// </summary>
internal sealed class LinkAdjacency
{
    /// <summary>Links appended past which a graph's links are indexed again, when that is more than a 32nd of them.</summary>
    public const int DefaultMinAppended = 65_536;

    private readonly int[] _start;
    private readonly int[] _csr;
    private readonly Dictionary<LinkType, int[]> _byType;
    // Per node, the links appended since the CSR was built, in seq order.
    private readonly ImmutableDictionary<int, int[]> _appended;
    private readonly int _minAppended;

    private LinkAdjacency(int[] start, int[] csr, Dictionary<LinkType, int[]> byType, int indexed, int length, ImmutableDictionary<int, int[]> appended, int minAppended)
    {
        _start = start;
        _csr = csr;
        _byType = byType;
        Indexed = indexed;
        Length = length;
        _appended = appended;
        _minAppended = minAppended;
    }

    /// <summary>The links in CSR form: indexes below this one.</summary>
    public int Indexed { get; }

    /// <summary>Every link: those from <see cref="Indexed"/> on were appended.</summary>
    public int Length { get; }

    /// <summary>
    /// The links of <paramref name="nodeCount"/> nodes, each given as its two ends' indexes, in seq order. Nodes appended
    /// later may be the ends of links appended later.
    /// </summary>
    public static LinkAdjacency Build(int nodeCount, LinkColumns links, int minAppended = DefaultMinAppended)
    {
        var byType = new Dictionary<LinkType, List<int>>();
        var degree = new int[nodeCount + 1];
        for (var i = 0; i < links.Length; i++)
        {
            var source = links.Sources[i];
            var target = links.Targets[i];
            degree[source]++;
            if (target != source)
            {
                degree[target]++;
            }
            var type = links.Rows[i].Type;
            if (!byType.TryGetValue(type, out var list))
            {
                byType[type] = list = [];
            }
            list.Add(i);
        }

        var start = new int[nodeCount + 1];
        for (var i = 0; i < nodeCount; i++)
        {
            start[i + 1] = start[i] + degree[i];
        }
        var csr = new int[start[nodeCount]];
        var fill = start[..^1];
        for (var i = 0; i < links.Length; i++)
        {
            csr[fill[links.Sources[i]]++] = i;
            if (links.Targets[i] != links.Sources[i])
            {
                csr[fill[links.Targets[i]]++] = i;
            }
        }
        return new LinkAdjacency(start, csr, byType.ToDictionary(p => p.Key, p => p.Value.ToArray()), links.Length, links.Length,
            ImmutableDictionary<int, int[]>.Empty, minAppended);
    }

    /// <summary>
    /// Whether <paramref name="more"/> links appended to these would be better indexed again with all the others: past a
    /// 32nd of the graph's links (and <see cref="DefaultMinAppended"/>), the per-node lists cost reads more than a walk
    /// over every link costs the write.
    /// </summary>
    public bool WantsIndexing(int more) => Length + more - Indexed > Math.Max(_minAppended, Indexed / 32);

    /// <summary>These links and the links from <see cref="Length"/> on, each given by its ends, in seq order.</summary>
    public LinkAdjacency Appended(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        if (sources.Length != targets.Length)
        {
            throw new ArgumentException("Each appended link needs both ends.", nameof(targets));
        }
        if (sources.IsEmpty)
        {
            return this;
        }
        var perNode = new Dictionary<int, List<int>>();
        void Add(int node, int link)
        {
            if (!perNode.TryGetValue(node, out var list))
            {
                perNode[node] = list = [];
            }
            list.Add(link);
        }
        for (var i = 0; i < sources.Length; i++)
        {
            Add(sources[i], Length + i);
            if (targets[i] != sources[i])
            {
                Add(targets[i], Length + i);
            }
        }
        var appended = _appended.ToBuilder();
        foreach (var (node, links) in perNode)
        {
            appended[node] = _appended.TryGetValue(node, out var held) ? [.. held, .. links] : [.. links];
        }
        return new LinkAdjacency(_start, _csr, _byType, Indexed, Length + sources.Length, appended.ToImmutable(), _minAppended);
    }

    /// <summary>Whether both hold the same CSR: one was appended to from the other.</summary>
    public bool SharesCsrWith(LinkAdjacency other) => ReferenceEquals(_csr, other._csr);

    /// <summary>The links <paramref name="node"/> is an end of, in seq order.</summary>
    public NodeLinks Of(int node)
    {
        var appended = _appended.IsEmpty ? null : _appended.GetValueOrDefault(node);
        // A node appended since the CSR was built has only appended links.
        return node < _start.Length - 1 ? new(_csr, _start[node], _start[node + 1], appended) : new(_csr, 0, 0, appended);
    }

    /// <summary>The links of <paramref name="type"/> among those indexed; appended ones are from <see cref="Indexed"/> on.</summary>
    public int[] IndexedOfType(LinkType type) => _byType.GetValueOrDefault(type) ?? [];

    /// <summary>A node's links: its slice of the CSR, then those appended since.</summary>
    public readonly struct NodeLinks(int[] csr, int start, int end, int[]? appended) : IEnumerable<int>
    {
        public int Count => end - start + (appended?.Length ?? 0);

        public Enumerator GetEnumerator() => new(csr, start, end, appended);

        IEnumerator<int> IEnumerable<int>.GetEnumerator()
        {
            foreach (var link in this)
            {
                yield return link;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<int>)this).GetEnumerator();
    }

    public struct Enumerator(int[] csr, int start, int end, int[]? appended)
    {
        private int _at = start - 1;

        public readonly int Current => _at < end ? csr[_at] : appended![_at - end];

        public bool MoveNext() => ++_at < end + (appended?.Length ?? 0);
    }
}
