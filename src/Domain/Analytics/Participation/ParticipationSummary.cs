using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Participation;

/// <summary>Policies of one domain or instrument: how many, how many involve beneficiaries, how many upstream.</summary>
public sealed record ParticipationRow(int Policies, int Involving, int Upstream)
{
    public double? UpstreamShare => Policies == 0 ? null : (double)Upstream / Policies;
}

/// <param name="Policies">Policies in scope.</param>
/// <param name="Involving">Those that involve a group of beneficiaries at some stage.</param>
/// <param name="Upstream">Those that involve one before deployment (reframing, design or test).</param>
/// <param name="EvaluationOnly">Those that involve beneficiaries at evaluation only.</param>
/// <param name="ByStage">Policies involving beneficiaries at each stage, in stage order.</param>
public sealed record ParticipationReport(
    int Policies, int Involving, int Upstream, int EvaluationOnly, IReadOnlyList<(InvolvementStage Stage, int Policies)> ByStage,
    IReadOnlyList<(PolicyDomain Domain, ParticipationRow Row)> ByDomain, IReadOnlyList<(Instrument Instrument, ParticipationRow Row)> ByInstrument)
{
    public static bool IsUpstream(InvolvementStage stage) => stage is InvolvementStage.Reframing or InvolvementStage.Design or InvolvementStage.Test;
}

/// <summary>
/// Whether policies bring their beneficiaries' expertise upstream (reframing the problem, designing, testing) or only
/// at deployment and evaluation. The stages come from the policies' INVOLVES links, which the caller reads.
/// </summary>
public static class ParticipationSummary
{
    /// <summary>The policies in scope: those an actor in scope OWNS; every visible policy without a scope.</summary>
    public static int[] Policies(GraphProjection projection, IReadOnlySet<int>? scope)
    {
        var owns = projection.In[(int)LinkType.Owns];
        return Enumerable.Range(0, projection.NodeCount)
            .Where(p => projection.Kinds[p] == NodeKind.Policy && projection.Sees(p)
                && (scope is null || projection.VisibleNeighbours(owns, p).Any(scope.Contains)))
            .ToArray();
    }

    public static ParticipationReport Summarise(GraphProjection projection, int[] policies, IReadOnlyDictionary<int, IReadOnlySet<InvolvementStage>> stages)
    {
        IReadOnlySet<InvolvementStage> StagesOf(int policy) => stages.TryGetValue(policy, out var s) ? s : new HashSet<InvolvementStage>();
        bool Upstream(int policy) => StagesOf(policy).Any(ParticipationReport.IsUpstream);
        ParticipationRow Row(IEnumerable<int> group)
        {
            var list = group.ToList();
            return new ParticipationRow(list.Count, list.Count(p => StagesOf(p).Count > 0), list.Count(Upstream));
        }
        var byStage = Enum.GetValues<InvolvementStage>().Select(s => (s, policies.Count(p => StagesOf(p).Contains(s)))).ToList();
        var byDomain = policies
            .SelectMany(p => DomainBits.List(projection.OwnDomains[p]).Select(d => (Domain: d, Policy: p)))
            .GroupBy(x => x.Domain).OrderBy(g => g.Key)
            .Select(g => (g.Key, Row(g.Select(x => x.Policy)))).ToList();
        var byInstrument = policies.GroupBy(p => projection.Instruments[p]).OrderBy(g => g.Key).Select(g => (g.Key, Row(g))).ToList();
        return new ParticipationReport(
            policies.Length, policies.Count(p => StagesOf(p).Count > 0), policies.Count(Upstream),
            policies.Count(p => StagesOf(p) is { Count: > 0 } s && s.All(x => x == InvolvementStage.Evaluation)),
            byStage, byDomain, byInstrument);
    }
}
