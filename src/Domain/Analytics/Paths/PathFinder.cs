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
        var search = new BidirectionalSearch<ValidLinks>(Adjacency(projection, types), new ValidLinks(projection, day));
        return search.Meet(from, to, maxHops) is { } distance ? new Walker(search, distance).Walk(from) : null;
    }

    private static Csr[] Adjacency(GraphProjection projection, IReadOnlyCollection<LinkType> types) =>
        types.Distinct().Order()
            .SelectMany(t => t == LinkType.CooperatesWith ? new[] { projection.Cooperation } : [projection.Out[(int)t], projection.In[(int)t]])
            .ToArray();

    /// <summary>Walks a met search from the first node, keeping to a shortest path, first link first.</summary>
    private sealed class Walker(BidirectionalSearch<ValidLinks> search, int distance)
    {
        // Nodes reached from the first node short of the meeting layer: whether a shortest path goes through them.
        private readonly Dictionary<int, bool> _onShortest = [];

        public FoundPath Walk(int from)
        {
            var nodes = new int[distance + 1];
            var links = new int[distance];
            nodes[0] = from;
            for (var step = 0; step < distance; step++)
            {
                (nodes[step + 1], links[step]) = FirstOnShortest(nodes[step], step + 1)
                    ?? throw new InvalidOperationException("A node on a shortest path has no next step on one.");
            }
            return new FoundPath(nodes, links);
        }

        /// <summary>The first neighbour of <paramref name="v"/>, in adjacency order, on a shortest path at <paramref name="position"/>, and its link.</summary>
        private (int Node, int Link)? FirstOnShortest(int v, int position)
        {
            foreach (var csr in search.Adjacency)
            {
                var neighbours = csr.Neighbours(v);
                var links = csr.LinksOf(v);
                for (var i = 0; i < neighbours.Length; i++)
                {
                    if (search.Filter.Allows(links[i]) && OnShortest(neighbours[i], position))
                    {
                        return (neighbours[i], links[i]);
                    }
                }
            }
            return null;
        }

        /// <summary>Whether <paramref name="w"/>, one hop further than a node at <paramref name="position"/> − 1 on a shortest path, is on one at <paramref name="position"/>.</summary>
        private bool OnShortest(int w, int position)
        {
            if (position >= search.StartDepth)
            {
                // The last node's side reached every node up to its depth: the hops left are known exactly.
                return search.ToEnd.TryGetValue(w, out var left) && left == distance - position;
            }
            if (!search.FromStart.TryGetValue(w, out var reached) || reached != position)
            {
                return false;
            }
            if (!_onShortest.TryGetValue(w, out var on))
            {
                on = FirstOnShortest(w, position + 1) is not null;
                _onShortest[w] = on;
            }
            return on;
        }
    }
}
