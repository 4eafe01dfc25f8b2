using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Labs;

/// <summary>A lab's cooperation links inside its hosts (with their services) and outside, as of 31 December of a year.</summary>
public sealed record LabBalancePoint(int Year, int Inside, int Outside)
{
    public double? InsideShare => LabBalance.Share(Inside, Outside);
}

/// <param name="Hosts">The authorities hosting the lab (HOSTED_BY).</param>
/// <param name="Inside">Its cooperation links with its hosts' services.</param>
/// <param name="Outside">Its cooperation links with every other actor.</param>
/// <param name="DecisionAccess">Whether one of the inside links reaches a decision-making service.</param>
/// <param name="OutsideKinds">Its outside partners by kind, most numerous first.</param>
/// <param name="InsidePartners">The hosts' services it cooperates with, by id.</param>
/// <param name="OutsidePartners">The other actors it cooperates with, by id.</param>
public sealed record LabBalance(
    int Lab, int[] Hosts, int Inside, int Outside, bool DecisionAccess, IReadOnlyList<(NodeKind Kind, int Count)> OutsideKinds,
    IReadOnlyList<LabBalancePoint> Trend, int[] InsidePartners, int[] OutsidePartners)
{
    /// <summary>inside / (inside + outside); null without links.</summary>
    public double? InsideShare => Share(Inside, Outside);

    /// <summary>How far the lab leans to one side: |insideShare − ½|, 0 for a perfect balance; null without links.</summary>
    public double? Imbalance => InsideShare is { } share ? Math.Abs(share - 0.5) : null;

    public static double? Share(int inside, int outside) => inside + outside == 0 ? null : (double)inside / (inside + outside);
}

/// <summary>
/// A lab's balance between its "foot inside" (cooperation with its hosts' services) and its "foot outside" (with SSE
/// organisations, researchers, other actors). The definitions are those of the schema's labBalance field.
/// </summary>
public static class LabBalances
{
    /// <summary>The services of the authorities hosting the lab: whose cooperation with it is "inside".</summary>
    public static int[] HostServices(GraphProjection projection, int lab, int? day) =>
        Hosts(projection, lab, day)
            .SelectMany(h => projection.ValidEnds(projection.In[(int)LinkType.PartOf], h, day).Select(e => e.Node))
            .Where(n => projection.Kinds[n] == NodeKind.Service)
            .Distinct().Order().ToArray();

    /// <param name="decisionMaking">The host services that are decision-making bodies (the projection does not hold that mark).</param>
    /// <param name="fromYear">The trend's first year: the founding year, else the first year of the lab's cooperation links.</param>
    /// <param name="toYear">The trend's last year.</param>
    public static LabBalance Compute(GraphProjection projection, int lab, int? day, IReadOnlySet<int> decisionMaking, int? fromYear, int toYear)
    {
        var hosts = Hosts(projection, lab, day);
        var inside = HostServices(projection, lab, day).ToHashSet();
        var (inCount, outCount, access, insidePartners, outsidePartners) = Count(projection, lab, inside, decisionMaking, day);
        var first = fromYear ?? FirstLinkYear(projection, lab) ?? toYear;
        var trend = new List<LabBalancePoint>();
        for (var year = Math.Max(first, toYear - 200); year <= toYear; year++)
        {
            var yearEnd = new DateOnly(year, 12, 31).DayNumber;
            var insideThen = HostServices(projection, lab, yearEnd).ToHashSet();
            var (i, o, _, _, _) = Count(projection, lab, insideThen, decisionMaking, yearEnd);
            trend.Add(new LabBalancePoint(year, i, o));
        }
        var outsideKinds = outsidePartners.GroupBy(p => projection.Kinds[p]).Select(g => (g.Key, g.Count()))
            .OrderByDescending(k => k.Item2).ThenBy(k => k.Key).ToList();
        string IdOf(int node) => projection.Ids[node];
        return new LabBalance(lab, hosts, inCount, outCount, access, outsideKinds, trend,
            [.. insidePartners.OrderBy(IdOf, StringComparer.Ordinal)], [.. outsidePartners.OrderBy(IdOf, StringComparer.Ordinal)]);
    }

    /// <summary>The labs in scope (all visible labs without one), most balanced first (smallest imbalance), those without links last, then by id.</summary>
    public static IEnumerable<int> Labs(GraphProjection projection, IReadOnlySet<int>? scope) =>
        projection.VisibleActors.Where(a => projection.Kinds[a] == NodeKind.InnovationLab && (scope is null || scope.Contains(a)));

    private static int[] Hosts(GraphProjection projection, int lab, int? day) =>
        projection.ValidEnds(projection.Out[(int)LinkType.HostedBy], lab, day).Select(e => e.Node).Where(n => projection.Kinds[n] == NodeKind.Authority).Distinct().Order().ToArray();

    private static (int Inside, int Outside, bool Access, HashSet<int> InsidePartners, HashSet<int> OutsidePartners) Count(
        GraphProjection projection, int lab, HashSet<int> inside, IReadOnlySet<int> decisionMaking, int? day)
    {
        var (inCount, outCount, access) = (0, 0, false);
        var (insidePartners, outsidePartners) = (new HashSet<int>(), new HashSet<int>());
        foreach (var (partner, _) in projection.ValidEnds(projection.Cooperation, lab, day))
        {
            if (inside.Contains(partner))
            {
                inCount++;
                insidePartners.Add(partner);
                access |= decisionMaking.Contains(partner);
            }
            else
            {
                outCount++;
                outsidePartners.Add(partner);
            }
        }
        return (inCount, outCount, access, insidePartners, outsidePartners);
    }

    private static int? FirstLinkYear(GraphProjection projection, int lab)
    {
        int? first = null;
        foreach (var link in projection.Cooperation.LinksOf(lab))
        {
            if (projection.SeesLink(link) && projection.LinkSince[link] != GraphProjection.Unbounded)
            {
                var year = DateOnly.FromDayNumber(projection.LinkSince[link]).Year;
                first = first is null ? year : Math.Min(first.Value, year);
            }
        }
        return first;
    }
}
