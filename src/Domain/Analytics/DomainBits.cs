using System.Numerics;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics;

/// <summary>Helpers over domain bitmasks as the projection stores them.</summary>
public static class DomainBits
{
    public static PolicyDomain Single(int bits) => (PolicyDomain)BitOperations.TrailingZeroCount(bits);

    public static IReadOnlyList<PolicyDomain> List(int bits) => new DomainSet(bits).ToList();

    public static int Bit(PolicyDomain domain) => 1 << (int)domain;

    /// <summary>A link is transversal when both ends have domains and share none.</summary>
    public static bool IsTransversal(GraphProjection projection, int link)
    {
        var a = projection.Domains[projection.LinkSource[link]];
        var b = projection.Domains[projection.LinkTarget[link]];
        return a != 0 && b != 0 && (a & b) == 0;
    }

    /// <summary>
    /// One domain per actor, for comparing partitions: a service's domain; for others the domain most of its
    /// themes belong to (ties to the first in PolicyDomain order); null without themes.
    /// </summary>
    public static PolicyDomain? Primary(GraphProjection projection, int node)
    {
        if (projection.Kinds[node] == NodeKind.Service)
        {
            return Single(projection.OwnDomains[node]);
        }
        var counts = new int[Enum.GetValues<PolicyDomain>().Length];
        foreach (var theme in projection.Out[(int)LinkType.WorksOn].Neighbours(node))
        {
            foreach (var domain in List(projection.OwnDomains[theme]))
            {
                counts[(int)domain]++;
            }
        }
        var best = -1;
        for (var d = 0; d < counts.Length; d++)
        {
            if (counts[d] > 0 && (best < 0 || counts[d] > counts[best]))
            {
                best = d;
            }
        }
        return best < 0 ? null : (PolicyDomain)best;
    }
}
