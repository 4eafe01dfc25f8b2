using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Analytics.Transversality;

public static class TransversalLinks
{
    /// <summary>The transversal links of a scope's cooperation graph, as projection link indexes in ascending order.</summary>
    public static int[] Find(GraphProjection projection, int[] members, int? day)
    {
        var graph = CooperationGraph.Of(projection, members, day);
        var links = new SortedSet<int>();
        foreach (var link in graph.Adjacency.Links)
        {
            if (DomainBits.IsTransversal(projection, link))
            {
                links.Add(link);
            }
        }
        return [.. links];
    }
}
