using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Analytics.Communities;

/// <summary>Newman's modularity of a partition of an unweighted undirected graph (resolution 1, as networkx and igraph).</summary>
public static class Modularity
{
    public static double Of(CooperationGraph graph, int[] community)
    {
        var m = graph.EdgeCount;
        if (m == 0)
        {
            return 0;
        }
        var count = community.Length == 0 ? 0 : community.Max() + 1;
        var inside = new double[count];
        var degrees = new double[count];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            degrees[community[v]] += graph.Adjacency.Degree(v);
            foreach (var w in graph.Adjacency.Neighbours(v))
            {
                if (community[w] == community[v])
                {
                    inside[community[v]] += 0.5;
                }
            }
        }
        var q = 0.0;
        for (var c = 0; c < count; c++)
        {
            q += inside[c] / m - Math.Pow(degrees[c] / (2.0 * m), 2);
        }
        return q;
    }
}
