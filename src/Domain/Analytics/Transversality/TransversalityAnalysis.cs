using System.Numerics;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Transversality;

/// <param name="DirectLinks">Cooperation links (projection indexes) between a service of A and a service of B.</param>
/// <param name="Bridges">Actors (projection indexes), other than the authority's services of A and B, cooperating directly with a service of A and a service of B.</param>
/// <param name="Covered">A service of A and a service of B are at most 2 cooperation hops apart.</param>
public sealed record DomainPairCell(PolicyDomain A, PolicyDomain B, IReadOnlyList<int> DirectLinks, IReadOnlyList<int> Bridges, bool Covered)
{
    public int Direct => DirectLinks.Count;

    public int Bridged => Bridges.Count;
}

/// <summary>An actor cooperating with services of at least two domains of the authority.</summary>
public sealed record BridgeScore(int Actor, IReadOnlyList<PolicyDomain> Domains, int Links)
{
    public int DomainPairs => Domains.Count * (Domains.Count - 1) / 2;
}

/// <summary>
/// Krackhardt and Stern's E-I index of one domain's services: external = their transversal service links, internal =
/// their other service links; (external − internal) / (external + internal), null without links.
/// </summary>
public sealed record DomainEi(PolicyDomain Domain, int External, int Internal)
{
    public double? EiIndex => TransversalityReport.Ei(External, Internal);
}

public sealed record TransversalityReport(
    int Authority,
    int[] Services,
    IReadOnlyList<PolicyDomain> Domains,
    int ServiceLinks,
    int TransversalLinks,
    int DomainPairs,
    int CoveredPairs,
    IReadOnlyList<DomainPairCell> Matrix,
    IReadOnlyList<PolicyDomain> SiloDomains,
    IReadOnlyList<BridgeScore> Bridges,
    IReadOnlyList<DomainEi> DomainEi)
{
    /// <summary>
    /// Krackhardt and Stern's E-I index of the authority: external = transversal service links, internal = the other
    /// service links; from −1 (all links within domains: silos) to +1 (all across); null without service links.
    /// </summary>
    public double? EiIndex => Ei(TransversalLinks, ServiceLinks - TransversalLinks);

    public static double? Ei(int external, int @internal) =>
        external + @internal == 0 ? null : (double)(external - @internal) / (external + @internal);

    /// <summary>Transversal service links over service links; 0 without service links.</summary>
    public double LinkShare => ServiceLinks == 0 ? 0 : (double)TransversalLinks / ServiceLinks;

    /// <summary>Covered domain pairs over domain pairs; 0 when the services span fewer than two domains.</summary>
    public double DomainPairCoverage => DomainPairs == 0 ? 0 : (double)CoveredPairs / DomainPairs;
}

/// <param name="Year">The figures are those of 31 December of this year.</param>
public sealed record TransversalityPoint(int Year, int ServiceLinks, int TransversalLinks, double LinkShare, double DomainPairCoverage);

/// <summary>How far an authority's services cooperate across their domains (design §3; definitions in the schema).</summary>
public static class TransversalityAnalysis
{
    public const int MaxTrendYears = 200;

    public static TransversalityReport Report(GraphProjection projection, int authority, int? day)
    {
        var services = ScopeResolver.Services(projection, authority);
        var isService = services.ToHashSet();
        var domainOf = services.ToDictionary(s => s, s => DomainBits.Single(projection.OwnDomains[s]));
        var domains = domainOf.Values.Distinct().Order().ToList();
        var cooperation = projection.Cooperation;

        // Service links, each counted once even when both ends are services.
        var serviceLinks = new SortedSet<int>();
        var partners = new SortedDictionary<int, (int Mask, int Links)>();
        foreach (var service in services)
        {
            var neighbours = cooperation.Neighbours(service);
            var links = cooperation.LinksOf(service);
            for (var i = 0; i < neighbours.Length; i++)
            {
                if (!projection.IsValid(links[i], day))
                {
                    continue;
                }
                serviceLinks.Add(links[i]);
                var (mask, count) = partners.GetValueOrDefault(neighbours[i]);
                partners[neighbours[i]] = (mask | DomainBits.Bit(domainOf[service]), count + 1);
            }
        }
        var transversal = serviceLinks.Where(l => DomainBits.IsTransversal(projection, l)).ToList();

        var covered = CoveredPairs(projection, services, domainOf, day);
        var matrix = new List<DomainPairCell>();
        for (var x = 0; x < domains.Count; x++)
        {
            for (var y = x + 1; y < domains.Count; y++)
            {
                var (a, b) = (domains[x], domains[y]);
                var direct = serviceLinks.Where(l =>
                    isService.Contains(projection.LinkSource[l]) && isService.Contains(projection.LinkTarget[l]) &&
                    (domainOf[projection.LinkSource[l]], domainOf[projection.LinkTarget[l]]) is var (p, q) && ((p == a && q == b) || (p == b && q == a))).ToList();
                var pairMask = DomainBits.Bit(a) | DomainBits.Bit(b);
                var bridged = partners.Where(partner =>
                    (partner.Value.Mask & pairMask) == pairMask &&
                    !(isService.Contains(partner.Key) && (domainOf[partner.Key] == a || domainOf[partner.Key] == b))).Select(p => p.Key).ToList();
                matrix.Add(new DomainPairCell(a, b, direct, bridged, covered.Contains((a, b))));
            }
        }

        // A silo is an empty row of the matrix: no direct link and no shared partner with any other of the authority's
        // domains. So the silo list and the heatmap say the same thing; with a single domain there is nothing to be cut off from.
        var siloDomains = domains.Count < 2 ? [] : domains.Where(d => !matrix.Any(c => (c.A == d || c.B == d) && (c.Direct > 0 || c.Bridged > 0))).ToList();

        var bridges = partners
            .Where(p => BitOperations.PopCount((uint)p.Value.Mask) >= 2)
            .Select(p => new BridgeScore(p.Key, DomainBits.List(p.Value.Mask), p.Value.Links))
            .OrderByDescending(b => b.Domains.Count).ThenByDescending(b => b.Links).ThenBy(b => projection.Ids[b.Actor], StringComparer.Ordinal)
            .ToList();

        // Per domain, the service links of its services (a link between two services of different domains counts for both).
        var isTransversal = transversal.ToHashSet();
        var domainEi = domains.Select(d =>
        {
            var ofDomain = serviceLinks.Where(l =>
                (isService.Contains(projection.LinkSource[l]) && domainOf[projection.LinkSource[l]] == d) ||
                (isService.Contains(projection.LinkTarget[l]) && domainOf[projection.LinkTarget[l]] == d)).ToList();
            var external = ofDomain.Count(isTransversal.Contains);
            return new DomainEi(d, external, ofDomain.Count - external);
        }).ToList();

        return new TransversalityReport(authority, services, domains, serviceLinks.Count, transversal.Count,
            domains.Count * (domains.Count - 1) / 2, matrix.Count(c => c.Covered), matrix, siloDomains, bridges, domainEi);
    }

    public static IReadOnlyList<TransversalityPoint> Trend(GraphProjection projection, int authority, int fromYear, int toYear)
    {
        if (toYear < fromYear || toYear - fromYear >= MaxTrendYears || fromYear < 1 || toYear > 9998)
        {
            throw new AnalysisInputException($"A trend covers 1 to {MaxTrendYears} years, fromYear <= toYear.");
        }
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var report = Report(projection, authority, new DateOnly(year, 12, 31).DayNumber);
            return new TransversalityPoint(year, report.ServiceLinks, report.TransversalLinks, report.LinkShare, report.DomainPairCoverage);
        }).ToList();
    }

    /// <summary>Domain pairs (a &lt; b) with a service of each within two cooperation hops.</summary>
    private static HashSet<(PolicyDomain, PolicyDomain)> CoveredPairs(GraphProjection projection, int[] services, Dictionary<int, PolicyDomain> domainOf, int? day)
    {
        var covered = new HashSet<(PolicyDomain, PolicyDomain)>();
        var cooperation = projection.Cooperation;
        void Reach(int from, int other)
        {
            if (domainOf.TryGetValue(other, out var otherDomain) && otherDomain != domainOf[from])
            {
                var (a, b) = domainOf[from] < otherDomain ? (domainOf[from], otherDomain) : (otherDomain, domainOf[from]);
                covered.Add((a, b));
            }
        }
        foreach (var service in services)
        {
            var first = cooperation.Neighbours(service);
            var firstLinks = cooperation.LinksOf(service);
            for (var i = 0; i < first.Length; i++)
            {
                if (!projection.IsValid(firstLinks[i], day))
                {
                    continue;
                }
                Reach(service, first[i]);
                var second = cooperation.Neighbours(first[i]);
                var secondLinks = cooperation.LinksOf(first[i]);
                for (var j = 0; j < second.Length; j++)
                {
                    if (projection.IsValid(secondLinks[j], day))
                    {
                        Reach(service, second[j]);
                    }
                }
            }
        }
        return covered;
    }
}
