using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Analytics.Paths;

/// <summary>Breadth-first measures on a <see cref="CooperationGraph"/>.</summary>
public static class Traversal
{
    /// <summary>Hop distance from <paramref name="source"/> to every node, -1 where unreachable.</summary>
    public static int[] Distances(CooperationGraph graph, int source)
    {
        var distance = Enumerable.Repeat(-1, graph.NodeCount).ToArray();
        var queue = new int[graph.NodeCount];
        int head = 0, tail = 0;
        distance[source] = 0;
        queue[tail++] = source;
        while (head < tail)
        {
            var v = queue[head++];
            foreach (var w in graph.Adjacency.Neighbours(v))
            {
                if (distance[w] < 0)
                {
                    distance[w] = distance[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        return distance;
    }

    /// <summary>Hop distance between two nodes when at most <paramref name="maxHops"/>, else null. Searches from both ends.</summary>
    public static int? Distance(CooperationGraph graph, int a, int b, int maxHops) =>
        new BidirectionalSearch<EveryLink>([graph.Adjacency], default).Meet(a, b, maxHops);

    /// <summary>Connected components as lists of local nodes, largest first, then by smallest node.</summary>
    public static List<int[]> Components(CooperationGraph graph)
    {
        var component = Enumerable.Repeat(-1, graph.NodeCount).ToArray();
        var result = new List<int[]>();
        var queue = new int[graph.NodeCount];
        for (var start = 0; start < graph.NodeCount; start++)
        {
            if (component[start] >= 0)
            {
                continue;
            }
            int head = 0, tail = 0;
            queue[tail++] = start;
            component[start] = result.Count;
            while (head < tail)
            {
                foreach (var w in graph.Adjacency.Neighbours(queue[head++]))
                {
                    if (component[w] < 0)
                    {
                        component[w] = result.Count;
                        queue[tail++] = w;
                    }
                }
            }
            var members = queue[..tail];
            Array.Sort(members);
            result.Add(members);
        }
        return result.OrderByDescending(c => c.Length).ThenBy(c => c[0]).ToList();
    }
}
