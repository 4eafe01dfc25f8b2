using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Analytics.Gaps;

/// <summary>Neighbourhood scores of a pair of nodes, as networkx defines them.</summary>
public static class LinkPrediction
{
    /// <summary>Common neighbours of two nodes, ascending (neighbour lists are sorted, so this is a merge).</summary>
    public static List<int> CommonNeighbours(CooperationGraph graph, int a, int b) =>
        SortedLists.Intersect(graph.Adjacency.Neighbours(a), graph.Adjacency.Neighbours(b));

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
