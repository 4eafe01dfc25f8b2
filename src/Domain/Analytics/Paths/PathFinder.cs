using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Paths;

/// <param name="Nodes">Projection indexes from the first node to the last.</param>
/// <param name="Links">Projection link indexes, one between each two consecutive nodes.</param>
public sealed record FoundPath(int[] Nodes, int[] Links)
{
    public int Hops => Links.Length;
}

/// <summary>
/// Shortest path between two nodes over links of chosen types, each link walked in either direction,
/// only links valid on a day when one is given. Of all shortest paths, the one whose steps come first in
/// adjacency order (link types in order, then each node's links in projection order): the path a
/// breadth-first search from the first node finds, so the same graph always gives the same path.
/// </summary>
/// <remarks>
/// The search grows from both ends, the smaller frontier first: between two far services of a national
/// graph it visits two balls of half the distance instead of one of the whole, and it stops at once when
/// either end is cut off. It then walks from the first node, taking at each step the first link in
/// adjacency order that stays on a shortest path, which gives the breadth-first search's own path.
/// </remarks>
public static class PathFinder
{
    public const int DefaultMaxHops = 6;
    public const int MaxMaxHops = 12;

    public static FoundPath? Find(GraphProjection projection, int from, int to, IReadOnlyCollection<LinkType> types, int maxHops, int? day)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(types);
        if (from == to)
        {
            return new FoundPath([from], []);
        }
        var search = new Search(projection, Adjacency(projection, types), day);
        var hops = search.Meet(from, to, maxHops);
        return hops is { } distance ? search.Walk(from, distance) : null;
    }

    private static Csr[] Adjacency(GraphProjection projection, IReadOnlyCollection<LinkType> types) =>
        types.Distinct().Order()
            .SelectMany(t => t == LinkType.CooperatesWith ? new[] { projection.Cooperation } : [projection.Out[(int)t], projection.In[(int)t]])
            .ToArray();

    private sealed class Search(GraphProjection projection, Csr[] adjacency, int? day)
    {
        // Hops from the first node, and hops to the last, of every node each side has reached.
        private readonly Dictionary<int, int> _fromStart = [];
        private readonly Dictionary<int, int> _toEnd = [];
        // Nodes reached from the first node short of the meeting layer: whether a shortest path goes through them.
        private readonly Dictionary<int, bool> _onShortest = [];
        private int _startDepth;

        /// <summary>The number of hops between the two nodes, or null when more than <paramref name="maxHops"/>.</summary>
        public int? Meet(int from, int to, int maxHops)
        {
            _fromStart[from] = 0;
            _toEnd[to] = 0;
            List<int> startFrontier = [from], endFrontier = [to];
            var endDepth = 0;
            while (startFrontier.Count > 0 && endFrontier.Count > 0 && _startDepth + endDepth < maxHops)
            {
                var growStart = startFrontier.Count <= endFrontier.Count;
                var (frontier, seen, other) = growStart ? (startFrontier, _fromStart, _toEnd) : (endFrontier, _toEnd, _fromStart);
                var depth = growStart ? ++_startDepth : ++endDepth;
                var (next, met) = Grow(frontier, seen, other, depth);
                if (met)
                {
                    // Layers grow whole and no earlier layers touched, so every node both sides reached is at
                    // the two depths' sum from the ends: that sum is the distance.
                    return _startDepth + endDepth;
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
                        if (seen.ContainsKey(w) || !projection.IsValid(links[i], day))
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

        /// <summary>From the first node, the first link in adjacency order that keeps to a shortest path, <paramref name="distance"/> times.</summary>
        public FoundPath Walk(int from, int distance)
        {
            var nodes = new int[distance + 1];
            var links = new int[distance];
            nodes[0] = from;
            for (var step = 0; step < distance; step++)
            {
                (nodes[step + 1], links[step]) = FirstOnShortest(nodes[step], step + 1, distance);
            }
            return new FoundPath(nodes, links);
        }

        private (int Node, int Link) FirstOnShortest(int v, int position, int distance)
        {
            foreach (var csr in adjacency)
            {
                var neighbours = csr.Neighbours(v);
                var links = csr.LinksOf(v);
                for (var i = 0; i < neighbours.Length; i++)
                {
                    if (projection.IsValid(links[i], day) && OnShortest(neighbours[i], position, distance))
                    {
                        return (neighbours[i], links[i]);
                    }
                }
            }
            throw new InvalidOperationException("A node on a shortest path has no next step on one.");
        }

        /// <summary>Whether <paramref name="w"/>, one hop further than a node at <paramref name="position"/> − 1 on a shortest path, is on one at <paramref name="position"/>.</summary>
        private bool OnShortest(int w, int position, int distance)
        {
            if (position >= _startDepth)
            {
                // The end's side reached every node up to its depth: the hops left are known exactly.
                return _toEnd.TryGetValue(w, out var left) && left == distance - position;
            }
            if (!_fromStart.TryGetValue(w, out var reached) || reached != position)
            {
                return false;
            }
            if (_onShortest.TryGetValue(w, out var known))
            {
                return known;
            }
            var on = false;
            foreach (var csr in adjacency)
            {
                var neighbours = csr.Neighbours(w);
                var links = csr.LinksOf(w);
                for (var i = 0; i < neighbours.Length && !on; i++)
                {
                    on = projection.IsValid(links[i], day) && OnShortest(neighbours[i], position + 1, distance);
                }
                if (on)
                {
                    break;
                }
            }
            _onShortest[w] = on;
            return on;
        }
    }
}
