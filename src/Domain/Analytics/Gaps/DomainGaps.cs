using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Transversality;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Gaps;

/// <param name="SharedThemes">Themes both sides work on (their services' WORKS_ON, or TARGETS of the policies they own).</param>
public sealed record DomainGap(PolicyDomain A, PolicyDomain B, int[] SharedThemes, int[] ServicesA, int[] ServicesB);

/// <summary>An authority's domain pairs that are not covered (no services within two hops) although they share themes.</summary>
public static class DomainGaps
{
    public static IReadOnlyList<DomainGap> Find(GraphProjection projection, int authority, int? day)
    {
        var report = TransversalityAnalysis.Report(projection, authority, day);
        var servicesOf = report.Services.GroupBy(s => DomainBits.Single(projection.OwnDomains[s])).ToDictionary(g => g.Key, g => g.ToArray());
        var themesOf = servicesOf.ToDictionary(p => p.Key, p => ThemesOf(projection, p.Value));
        return report.Matrix
            .Where(cell => !cell.Covered)
            .Select(cell => new DomainGap(cell.A, cell.B, themesOf[cell.A].Intersect(themesOf[cell.B]).Order().ToArray(), servicesOf[cell.A], servicesOf[cell.B]))
            .Where(gap => gap.SharedThemes.Length > 0)
            .OrderByDescending(gap => gap.SharedThemes.Length).ThenBy(gap => gap.A).ThenBy(gap => gap.B)
            .ToList();
    }

    private static HashSet<int> ThemesOf(GraphProjection projection, int[] services)
    {
        var themes = new HashSet<int>();
        foreach (var service in services)
        {
            themes.UnionWith(projection.Out[(int)LinkType.WorksOn].Neighbours(service).ToArray());
            foreach (var policy in projection.Out[(int)LinkType.Owns].Neighbours(service))
            {
                if (!projection.Sees(policy))
                {
                    continue;
                }
                foreach (var target in projection.Out[(int)LinkType.Targets].Neighbours(policy))
                {
                    if (projection.Kinds[target] == NodeKind.Theme)
                    {
                        themes.Add(target);
                    }
                }
            }
        }
        return themes;
    }
}
