using CoopGraph.Domain.Analytics.Reach;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>A policy's change of scale, on a région and its five lycées, figures by hand.</summary>
public sealed class ReachTests
{
    // The région's schools direction owns the policy "p". Lycées l1…l5 are the région's; "other" is another authority's.
    // p TARGETS l1, l2, l3 and other. l1 IMPLEMENTS p since 2021; l2 cooperates with l1 (an implementer) since 2023;
    // l3 is only targeted. l1 cooperates with the association "asso". p also TARGETS "asso" (an actor, not a lycée).
    private static readonly Analytics.Projection.GraphProjection Graph = new TinyGraph()
        .Authority("region").Authority("elsewhere")
        .Service("schools", "region", PolicyDomain.Education)
        .PolicyOf("p", "schools", PolicyDomain.Education)
        .Lycee("l1", "region").Lycee("l2", "region").Lycee("l3", "region").Lycee("l4", "region").Lycee("l5", "region")
        .Lycee("other", "elsewhere")
        .Sse("asso")
        .Link(LinkType.Targets, "p", "l1").Link(LinkType.Targets, "p", "l2").Link(LinkType.Targets, "p", "l3")
        .Link(LinkType.Targets, "p", "other").Link(LinkType.Targets, "p", "asso")
        .Link(LinkType.Implements, "l1", "p", new DateOnly(2021, 9, 1))
        .Cooperate("l1", "l2", 2023)
        .Cooperate("l1", "asso", 2022)
        .Build();

    private static string[] Ids(IEnumerable<int> nodes) => nodes.Select(n => Graph.Ids[n]).ToArray();

    [Fact]
    public void A_policy_reaches_what_it_targets_or_what_implements_it_and_counts_the_lycees_of_its_authority()
    {
        var report = ReachAnalysis.Compute(Graph, Graph.IndexOf["p"], ReachAnalysis.DefaultVia, null);

        // Reached: l1, l2, l3 (the région's), other (another authority's lycée), asso. The région's establishments first,
        // then the others by id.
        Assert.Equal(["l1", "l2", "l3", "asso", "other"], Ids(report.Reached.Select(r => r.Actor)));
        Assert.Equal(["l1", "l2", "l3", "l4", "l5"], Ids(report.Population));
        Assert.Equal(3, report.ReachedEstablishments);
        Assert.Equal(0.6, report.EstablishmentShare!.Value, 12);
        // Engaged: l1 implements p; l2 cooperates with l1, an implementer; asso too. l3 and other are only targeted.
        Assert.Equal(["l1", "l2", "asso"], Ids(report.Reached.Where(r => r.Engaged).Select(r => r.Actor)));
        // Engaged with an SSE organisation: l1 (asso). asso is one, but cooperates with none.
        Assert.Equal(["l1"], Ids(report.Reached.Where(r => r.EngagedWithSse).Select(r => r.Actor)));
        // Adoption: l1 in 2021, asso in 2022, l2 in 2023, cumulative.
        Assert.Equal([(2021, 1), (2022, 2), (2023, 3)], report.Adoption);
        Assert.Equal(0, report.Undated);
    }

    [Fact]
    public void As_of_a_day_only_links_valid_then_engage()
    {
        var report = ReachAnalysis.Compute(Graph, Graph.IndexOf["p"], ReachAnalysis.DefaultVia, new DateOnly(2022, 6, 1).DayNumber);

        Assert.Equal(["l1", "asso"], Ids(report.Reached.Where(r => r.Engaged).Select(r => r.Actor)));
    }

    [Fact]
    public void From_a_service_its_own_policies_reach_and_other_link_types_can_be_asked()
    {
        var fromService = ReachAnalysis.Compute(Graph, Graph.IndexOf["schools"], ReachAnalysis.DefaultVia, null);
        Assert.Equal(["l1", "l2", "l3", "asso", "other"], Ids(fromService.Reached.Select(r => r.Actor)));
        Assert.Equal(5, fromService.Establishments);

        // Through implementation only: l1 alone.
        var implementing = ReachAnalysis.Compute(Graph, Graph.IndexOf["p"], [LinkType.Implements], null);
        Assert.Equal(["l1"], Ids(implementing.Reached.Select(r => r.Actor)));
        Assert.Equal(0.2, implementing.EstablishmentShare!.Value, 12);
    }
}
