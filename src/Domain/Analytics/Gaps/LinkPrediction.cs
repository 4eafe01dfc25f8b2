using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Analytics.Gaps;

/// <summary>Neighbourhood scores of a pair of nodes, as networkx defines them.</summary>
public static class LinkPrediction
{
    /// <summary>Common neighbours of two nodes, ascending (neighbour lists are sorted, so this is a merge).</summary>
    public static List<int> CommonNeighbours(CooperationGraph graph, int a, int b)
    {
        var x = graph.Adjacency.Neighbours(a);
        var y = graph.Adjacency.Neighbours(b);
        var common = new List<int>();
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                common.Add(x[i]);
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }

    /// <summary>Adamic-Adar: the sum over common neighbours w of 1 / ln(degree(w)).</summary>
    public static double AdamicAdar(CooperationGraph graph, int a, int b)
    {
        var score = 0.0;
        foreach (var w in CommonNeighbours(graph, a, b))
        {
            score += 1 / Math.Log(graph.Adjacency.Degree(w));
        }
        return score;
    }
}
