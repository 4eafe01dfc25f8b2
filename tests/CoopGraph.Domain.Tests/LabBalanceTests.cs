using CoopGraph.Domain.Analytics.Labs;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>A lab's foot inside and foot outside, year by year, on a graph one can draw.</summary>
public sealed class LabBalanceTests
{
    // The city hosts the lab since 2019. Inside (the city's services): culture (2019), social (2021); the general
    // management "dg" is not linked. Outside: asso (2019), uni (2020), a service of another authority (2020), asso2 (2022).
    private static readonly Analytics.Projection.GraphProjection Graph = new TinyGraph()
        .Authority("city").Authority("far")
        .Service("dg", "city", PolicyDomain.Governance).Service("culture", "city", PolicyDomain.Culture).Service("social", "city", PolicyDomain.Social)
        .Service("far-svc", "far", PolicyDomain.Social)
        .Lab("lab").Sse("asso").Sse("asso2").University("uni")
        .Link(LinkType.HostedBy, "lab", "city", new DateOnly(2019, 1, 1))
        .Cooperate("lab", "culture", 2019).Cooperate("lab", "social", 2021)
        .Cooperate("lab", "asso", 2019).Cooperate("lab", "uni", 2020).Cooperate("lab", "far-svc", 2020).Cooperate("lab", "asso2", 2022)
        .Build();

    private static int Id(string id) => Graph.IndexOf[id];

    [Fact]
    public void Inside_is_cooperation_with_the_hosts_services_and_outside_with_everyone_else()
    {
        var balance = LabBalances.Compute(Graph, Id("lab"), null, new HashSet<int>(), 2019, 2022);

        Assert.Equal([Id("city")], balance.Hosts);
        Assert.Equal((2, 4), (balance.Inside, balance.Outside));
        Assert.Equal(1.0 / 3, balance.InsideShare!.Value, 12);
        Assert.Equal(1.0 / 6, balance.Imbalance!.Value, 12);
        Assert.False(balance.DecisionAccess);
        // Outside partners by kind: two associations, then one service and one university (in kind order).
        Assert.Equal([(NodeKind.SseActor, 2), (NodeKind.Service, 1), (NodeKind.University, 1)], balance.OutsideKinds);
        Assert.Equal([(2019, 1, 1), (2020, 1, 3), (2021, 2, 3), (2022, 2, 4)], balance.Trend.Select(p => (p.Year, p.Inside, p.Outside)));
        Assert.Equal(["culture", "social"], balance.InsidePartners.Select(n => Graph.Ids[n]));
        Assert.Equal(["asso", "asso2", "far-svc", "uni"], balance.OutsidePartners.Select(n => Graph.Ids[n]));
    }

    [Fact]
    public void A_link_to_a_decision_making_service_gives_access_and_before_its_hosting_a_lab_has_no_inside()
    {
        var balance = LabBalances.Compute(Graph, Id("lab"), null, new HashSet<int> { Id("culture") }, 2018, 2019);

        Assert.True(balance.DecisionAccess);
        // 2018: no link yet; 2019: hosted, culture inside, asso outside.
        Assert.Equal([(2018, 0, 0, (double?)null), (2019, 1, 1, 0.5)], balance.Trend.Select(p => (p.Year, p.Inside, p.Outside, p.InsideShare)));
        Assert.Equal(["culture", "dg", "social"], LabBalances.HostServices(Graph, Id("lab"), null).Select(n => Graph.Ids[n]).Order(StringComparer.Ordinal));
    }
}
