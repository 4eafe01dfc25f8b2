using CoopGraph.Domain.Analytics.Projection;

namespace CoopGraph.Domain.Analytics.Paths;

/// <summary>
/// The hop distance between two nodes, by breadth-first layers grown from both ends, the smaller frontier first:
/// between two far nodes of a national graph it visits two balls of half the distance instead of one of the whole,
/// and it stops at once when either end is cut off. Links are those of the CSRs, each crossed from a node to its
/// neighbours there, when the filter allows them.
/// </summary>
/// <remarks>One search per pair: it keeps the hops each side reached, which <see cref="PathFinder"/> walks afterwards.</remarks>
public sealed class BidirectionalSearch<TFilter>(IReadOnlyList<Csr> adjacency, TFilter filter)
    where TFilter : struct, ILinkFilter
{
    /// <summary>Hops from the first node of every node the first side reached.</summary>
    public Dictionary<int, int> FromStart { get; } = [];

    /// <summary>Hops to the last node of every node the last side reached.</summary>
    public Dictionary<int, int> ToEnd { get; } = [];

    /// <summary>How many layers the first side grew: it reached every node up to this many hops from the first node.</summary>
    public int StartDepth { get; private set; }

    public IReadOnlyList<Csr> Adjacency => adjacency;

    public TFilter Filter => filter;

    /// <summary>The number of hops between the two nodes, or null when more than <paramref name="maxHops"/>.</summary>
    public int? Meet(int from, int to, int maxHops)
    {
        FromStart[from] = 0;
        ToEnd[to] = 0;
        if (from == to)
        {
            return 0;
        }
        List<int> startFrontier = [from], endFrontier = [to];
        var endDepth = 0;
        while (startFrontier.Count > 0 && endFrontier.Count > 0 && StartDepth + endDepth < maxHops)
        {
            var growStart = startFrontier.Count <= endFrontier.Count;
            var (frontier, seen, other) = growStart ? (startFrontier, FromStart, ToEnd) : (endFrontier, ToEnd, FromStart);
            var depth = growStart ? ++StartDepth : ++endDepth;
            var (next, met) = Grow(frontier, seen, other, depth);
            if (met)
            {
                // Layers grow whole and no earlier layers touched, so every node both sides reached is at the two
                // depths' sum from the ends: that sum is the distance.
                return StartDepth + endDepth;
            }
            if (growStart)
            {
                startFrontier = next;
            }
            else
            {
                endFrontier = next;
            }
        }
        return null;
    }

    private (List<int> Next, bool Met) Grow(List<int> frontier, Dictionary<int, int> seen, Dictionary<int, int> other, int depth)
    {
        var next = new List<int>();
        var met = false;
        foreach (var v in frontier)
        {
            foreach (var csr in adjacency)
            {
                var neighbours = csr.Neighbours(v);
                var links = csr.LinksOf(v);
                for (var i = 0; i < neighbours.Length; i++)
                {
                    var w = neighbours[i];
                    if (seen.ContainsKey(w) || !filter.Allows(links[i]))
                    {
                        continue;
                    }
                    seen[w] = depth;
                    next.Add(w);
                    met |= other.ContainsKey(w);
                }
            }
        }
        return (next, met);
    }
}
