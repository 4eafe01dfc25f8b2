using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Competition;

public sealed record CompetitionHotspot(int Policy, int[] Applicants, int ApplicantPairs, int CooperatingPairs)
{
    /// <summary>Cooperating applicant pairs over all applicant pairs: low means the call sets actors against each other.</summary>
    public double CooperatingPairShare => ApplicantPairs == 0 ? 0 : (double)CooperatingPairs / ApplicantPairs;
}

/// <summary>
/// Calls for projects (instrument CALL_FOR_PROJECTS) with at least three applicants (APPLIED_TO, any year) in
/// scope, ranked by how rarely their applicants cooperate: lowest share first, then more applicants, then id.
/// </summary>
public static class CompetitionHotspots
{
    public const int MinApplicants = 3;

    /// <summary>
    /// The share of cooperating applicant pairs above which a call is not a hotspot by default: where most applicants
    /// already work together, the call does not set them against each other.
    /// </summary>
    public const double DefaultMaxCooperatingShare = 0.5;

    public static IReadOnlyList<CompetitionHotspot> Find(GraphProjection projection, IReadOnlySet<int>? scope, int? day)
    {
        var hotspots = new List<CompetitionHotspot>();
        for (var policy = 0; policy < projection.NodeCount; policy++)
        {
            if (projection.Kinds[policy] != NodeKind.Policy || projection.Instruments[policy] != Instrument.CallForProjects || !projection.Sees(policy))
            {
                continue;
            }
            var applicants = projection.VisibleNeighbours(projection.In[(int)LinkType.AppliedTo], policy)
                .Where(a => scope is null || scope.Contains(a)).Distinct().Order().ToArray();
            if (applicants.Length < MinApplicants)
            {
                continue;
            }
            var set = applicants.ToHashSet();
            var cooperating = 0;
            foreach (var a in applicants)
            {
                var partners = projection.Cooperation.Neighbours(a);
                var links = projection.Cooperation.LinksOf(a);
                for (var i = 0; i < partners.Length; i++)
                {
                    if (partners[i] > a && set.Contains(partners[i]) && projection.IsValid(links[i], day))
                    {
                        cooperating++;
                    }
                }
            }
            hotspots.Add(new CompetitionHotspot(policy, applicants, applicants.Length * (applicants.Length - 1) / 2, cooperating));
        }
        return hotspots
            .OrderBy(h => h.CooperatingPairShare).ThenByDescending(h => h.Applicants.Length).ThenBy(h => projection.Ids[h.Policy], StringComparer.Ordinal)
            .ToList();
    }
}
