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
/// only links valid on a day when one is given. Ties go to the path found first in index order, so the
/// same graph always gives the same path.
/// </summary>
public static class PathFinder
{
    public const int DefaultMaxHops = 6;
    public const int MaxMaxHops = 12;

    public static FoundPath? Find(GraphProjection projection, int from, int to, IReadOnlyCollection<LinkType> types, int maxHops, int? day)
    {
        if (from == to)
        {
            return new FoundPath([from], []);
        }
        var adjacency = types.Distinct().Order()
            .SelectMany(t => t == LinkType.CooperatesWith ? new[] { projection.Cooperation } : [projection.Out[(int)t], projection.In[(int)t]])
            .ToArray();
        var parent = new Dictionary<int, (int Node, int Link)> { [from] = (-1, -1) };
        var frontier = new List<int> { from };
        for (var hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
            {
                foreach (var csr in adjacency)
                {
                    var neighbours = csr.Neighbours(v);
                    var links = csr.LinksOf(v);
                    for (var i = 0; i < neighbours.Length; i++)
                    {
                        var w = neighbours[i];
                        if (parent.ContainsKey(w) || !projection.IsValid(links[i], day))
                        {
                            continue;
                        }
                        parent[w] = (v, links[i]);
                        if (w == to)
                        {
                            return Unwind(parent, to);
                        }
                        next.Add(w);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    private static FoundPath Unwind(Dictionary<int, (int Node, int Link)> parent, int to)
    {
        var nodes = new List<int>();
        var links = new List<int>();
        for (var v = to; v >= 0; v = parent[v].Node)
        {
            nodes.Add(v);
            if (parent[v].Link >= 0)
            {
                links.Add(parent[v].Link);
            }
        }
        nodes.Reverse();
        links.Reverse();
        return new FoundPath([.. nodes], [.. links]);
    }
}
