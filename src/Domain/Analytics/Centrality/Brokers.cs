using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Centrality;

/// <param name="BridgedDomainPairs">Pairs of distinct domains {a, b} such that two different partners of the actor hold a and b.</param>
public sealed record BrokerScore(int Actor, double Betweenness, int BridgedDomainPairs);

public sealed record BrokerReport(IReadOnlyList<BrokerScore> Ranked, bool Exact, int Sources, double? ErrorBound, int Actors, int Links);

/// <summary>Who holds the scope's cooperation together: betweenness first, then the domain pairs an actor brings together.</summary>
public static class Brokers
{
    public static BrokerReport Compute(GraphProjection projection, int[] members, int? day, int exactLimit = Betweenness.DefaultExactLimit)
    {
        var graph = CooperationGraph.Of(projection, members, day);
        var betweenness = Betweenness.Compute(graph, exactLimit);
        var ranked = Enumerable.Range(0, graph.NodeCount)
            .Select(v => new BrokerScore(graph.Nodes[v], betweenness.Scores[v], BridgedPairs(projection, graph, v)))
            .OrderByDescending(b => b.Betweenness).ThenBy(b => projection.Ids[b.Actor], StringComparer.Ordinal)
            .ToList();
        return new BrokerReport(ranked, betweenness.Exact, betweenness.Sources, betweenness.ErrorBound, graph.NodeCount, graph.EdgeCount);
    }

    private static int BridgedPairs(GraphProjection projection, CooperationGraph graph, int v)
    {
        var domainCount = Enum.GetValues<PolicyDomain>().Length;
        var holders = new int[domainCount];
        var both = new int[domainCount, domainCount];
        foreach (var w in graph.Adjacency.Neighbours(v))
        {
            var domains = DomainBits.List(projection.Domains[graph.Nodes[w]]);
            foreach (var a in domains)
            {
                holders[(int)a]++;
                foreach (var b in domains)
                {
                    both[(int)a, (int)b]++;
                }
            }
        }
        var pairs = 0;
        for (var a = 0; a < domainCount; a++)
        {
            for (var b = a + 1; b < domainCount; b++)
            {
                // Bridged unless the only partner holding a or b is one and the same actor.
                if (holders[a] > 0 && holders[b] > 0 && holders[a] + holders[b] - both[a, b] >= 2)
                {
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
