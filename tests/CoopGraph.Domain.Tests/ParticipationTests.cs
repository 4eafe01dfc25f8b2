using CoopGraph.Domain.Analytics.Participation;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>Users involved upstream or only at evaluation, counted by hand.</summary>
public sealed class ParticipationTests
{
    // The town's social service owns p1 (social, a subsidy: users involved at design and at evaluation) and p2 (social
    // and youth, a call for projects: at evaluation only); its culture service owns p3 (no involvement). Another
    // authority owns p4.
    private static readonly Analytics.Projection.GraphProjection Graph = new TinyGraph()
        .Authority("town").Authority("other")
        .Service("social", "town", PolicyDomain.Social).Service("culture", "town", PolicyDomain.Culture)
        .PolicyOf("p1", "social", Instrument.Subsidy, PolicyDomain.Social)
        .PolicyOf("p2", "social", Instrument.CallForProjects, PolicyDomain.Social, PolicyDomain.Youth)
        .PolicyOf("p3", "culture", Instrument.Subsidy, PolicyDomain.Culture)
        .PolicyOf("p4", "other", Instrument.Subsidy, PolicyDomain.Social)
        .Build();

    private static readonly Dictionary<int, IReadOnlySet<InvolvementStage>> Stages = new()
    {
        [Graph.IndexOf["p1"]] = new HashSet<InvolvementStage> { InvolvementStage.Design, InvolvementStage.Evaluation },
        [Graph.IndexOf["p2"]] = new HashSet<InvolvementStage> { InvolvementStage.Evaluation },
    };

    [Fact]
    public void An_authoritys_policies_involve_users_upstream_or_at_evaluation_only()
    {
        var scope = new[] { "town", "social", "culture" }.Select(id => Graph.IndexOf[id]).ToHashSet();
        var policies = ParticipationSummary.Policies(Graph, scope);
        Assert.Equal(["p1", "p2", "p3"], policies.Select(p => Graph.Ids[p]).Order(StringComparer.Ordinal));

        var report = ParticipationSummary.Summarise(Graph, policies, Stages);

        Assert.Equal((3, 2, 1, 1), (report.Policies, report.Involving, report.Upstream, report.EvaluationOnly));
        Assert.Equal(
            [(InvolvementStage.Reframing, 0), (InvolvementStage.Design, 1), (InvolvementStage.Test, 0), (InvolvementStage.Deployment, 0), (InvolvementStage.Evaluation, 2)],
            report.ByStage);
        // p2 counts in both its domains.
        Assert.Equal(
            [(PolicyDomain.Social, new ParticipationRow(2, 2, 1)), (PolicyDomain.Culture, new ParticipationRow(1, 0, 0)), (PolicyDomain.Youth, new ParticipationRow(1, 1, 0))],
            report.ByDomain);
        Assert.Equal([(Instrument.Subsidy, new ParticipationRow(2, 1, 1)), (Instrument.CallForProjects, new ParticipationRow(1, 1, 0))], report.ByInstrument);
        Assert.Equal(0.5, report.ByDomain[0].Row.UpstreamShare!.Value, 12);
    }

    [Fact]
    public void Without_a_scope_every_policy_counts()
    {
        Assert.Equal(4, ParticipationSummary.Policies(Graph, null).Length);
    }
}
