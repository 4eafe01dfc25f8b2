using CoopGraph.Domain.Analytics.Projection;

namespace CoopGraph.Domain.Analytics.Scoping;

/// <summary>
/// The undirected cooperation graph of a scope with its own dense indexes 0..n-1 (in the order of
/// <see cref="Nodes"/>), neighbour lists sorted ascending: what the graph algorithms run on.
/// </summary>
public sealed class CooperationGraph
{
    private readonly Dictionary<int, int>? _localOf;

    private CooperationGraph(int[] nodes, Csr adjacency, Dictionary<int, int>? localOf)
    {
        Nodes = nodes;
        Adjacency = adjacency;
        _localOf = localOf;
        EdgeCount = adjacency.Targets.Length / 2;
    }

    /// <summary>For each local index, the node it stands for (a projection index, or the caller's own numbering).</summary>
    public int[] Nodes { get; }

    /// <summary>Local adjacency; <see cref="Csr.Links"/> holds projection link indexes (or -1 for graphs built from edges).</summary>
    public Csr Adjacency { get; }

    public int NodeCount => Nodes.Length;

    public int EdgeCount { get; }

    public int? LocalOf(int node) => _localOf is null ? node : _localOf.TryGetValue(node, out var local) ? local : null;

    /// <summary>The cooperation links valid on <paramref name="day"/> between members (sorted projection indexes).</summary>
    public static CooperationGraph Of(GraphProjection projection, int[] members, int? day)
    {
        var localOf = new Dictionary<int, int>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            localOf[members[i]] = i;
        }
        var from = new List<int>();
        var to = new List<int>();
        var links = new List<int>();
        var cooperation = projection.Cooperation;
        for (var i = 0; i < members.Length; i++)
        {
            var partners = cooperation.Neighbours(members[i]);
            var partnerLinks = cooperation.LinksOf(members[i]);
            for (var k = 0; k < partners.Length; k++)
            {
                if (localOf.TryGetValue(partners[k], out var j) && projection.IsValid(partnerLinks[k], day))
                {
                    from.Add(i);
                    to.Add(j);
                    links.Add(partnerLinks[k]);
                }
            }
        }
        return new CooperationGraph(members, Sorted(Csr.Build(members.Length, [.. from], [.. to], [.. links])), localOf);
    }

    /// <summary>A graph given as an edge list over 0..nodeCount-1 (duplicates and self-loops dropped), for tests and benchmarks.</summary>
    public static CooperationGraph FromEdges(int nodeCount, IEnumerable<(int A, int B)> edges)
    {
        var unique = new HashSet<(int, int)>();
        var from = new List<int>();
        var to = new List<int>();
        foreach (var (a, b) in edges)
        {
            if (a != b && unique.Add(a < b ? (a, b) : (b, a)))
            {
                from.Add(a);
                to.Add(b);
                from.Add(b);
                to.Add(a);
            }
        }
        var links = Enumerable.Repeat(-1, from.Count).ToArray();
        return new CooperationGraph(Enumerable.Range(0, nodeCount).ToArray(), Sorted(Csr.Build(nodeCount, [.. from], [.. to], links)), null);
    }

    public bool AreAdjacent(int a, int b) => Adjacency.Neighbours(a).BinarySearch(b) >= 0;

    private static Csr Sorted(Csr csr)
    {
        for (var i = 0; i < csr.NodeCount; i++)
        {
            var start = csr.Offsets[i];
            var length = csr.Offsets[i + 1] - start;
            Array.Sort(csr.Targets, csr.Links, start, length);
        }
        return csr;
    }
}
