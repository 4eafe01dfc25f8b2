using CoopGraph.Domain.Analytics.Funding;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>Funding summaries on a graph whose sums follow by hand.</summary>
public sealed class FundingSummaryTests
{
    // The authority a funds x directly (1,000 in 2020); its culture service funds x (500, 2021) and y (250, 2021); its
    // policy of two domains funds y (100, 2021, a call for projects); another authority b funds x (9,999, 2021).
    private static readonly Analytics.Projection.GraphProjection Graph = new TinyGraph()
        .Authority("a").Authority("b")
        .Service("s:culture", "a", PolicyDomain.Culture)
        .PolicyOf("p:youth-sport", "s:culture", PolicyDomain.Youth, PolicyDomain.Sport)
        .Sse("x").Sse("y")
        .Territory("t:1", "01").Territory("t:2", "02")
        .Link(LinkType.LocatedIn, "x", "t:1").Link(LinkType.LocatedIn, "y", "t:2")
        .Funds("a", "x", 1_000m, 2020)
        .Funds("s:culture", "x", 500m, 2021).Funds("s:culture", "y", 250m, 2021)
        .Funds("p:youth-sport", "y", 100m, 2021, Instrument.CallForProjects)
        .Funds("b", "x", 9_999m, 2021)
        .Build();

    [Fact]
    public void AnAuthoritysFunding_IsItsOwn_ItsServices_AndItsPolicies_ByYear()
    {
        var report = FundingSummary.Summarise(Graph, new AnalysisScope { AuthorityId = "a" }, [FundingGroup.Year]);

        Assert.Equal((1_850m, 4, 2), (report.Amount, report.Grants, report.Beneficiaries));
        // Rows by amount, largest first.
        Assert.Equal([(2020, 1_000m, 1, 1), (2021, 850m, 3, 2)], report.Rows.Select(r => (r.Year!.Value, r.Amount, r.Grants, r.Beneficiaries)));
    }

    [Fact]
    public void ByDomain_AFunderOfSeveralDomainsCountsInEach_AndOneWithoutInNone()
    {
        var report = FundingSummary.Summarise(Graph, new AnalysisScope { AuthorityId = "a" }, [FundingGroup.Domain, FundingGroup.Instrument]);

        Assert.Equal(
            [
                ((PolicyDomain?)null, Instrument.Subsidy, 1_000m),
                (PolicyDomain.Culture, Instrument.Subsidy, 750m),
                (PolicyDomain.Youth, Instrument.CallForProjects, 100m),
                (PolicyDomain.Sport, Instrument.CallForProjects, 100m),
            ],
            report.Rows.Select(r => (r.Domain, r.Instrument!.Value, r.Amount)));
        // The total counts the policy's grant once.
        Assert.Equal(1_850m, report.Amount);
    }

    [Fact]
    public void ByDomain_AFundingWhoseDomainIsKnown_CountsThereOnce_WhateverItsFunder()
    {
        // The authority funds x twice: once for culture (its purpose said so), once without a known domain; the policy
        // of two domains funds y for youth only.
        var graph = new TinyGraph()
            .Authority("a")
            .Service("s:culture", "a", PolicyDomain.Culture)
            .PolicyOf("p:youth-sport", "s:culture", PolicyDomain.Youth, PolicyDomain.Sport)
            .Sse("x").Sse("y")
            .Funds("a", "x", 300m, 2022, domain: PolicyDomain.Culture)
            .Funds("a", "x", 40m, 2022)
            .Funds("p:youth-sport", "y", 100m, 2022, Instrument.CallForProjects, PolicyDomain.Youth)
            .Build();

        var report = FundingSummary.Summarise(graph, new AnalysisScope { AuthorityId = "a" }, [FundingGroup.Domain]);

        Assert.Equal(
            [(PolicyDomain.Culture, 300m, 1), (PolicyDomain.Youth, 100m, 1), ((PolicyDomain?)null, 40m, 1)],
            report.Rows.Select(r => (r.Domain, r.Amount, r.Grants)));
        Assert.Equal(report.Amount, report.Rows.Sum(r => r.Amount));
    }

    [Fact]
    public void AnotherScope_IsTheFundingItsActorsReceive_FromEveryFunder()
    {
        var report = FundingSummary.Summarise(Graph, new AnalysisScope { TerritoryCode = "01" }, [FundingGroup.Funder]);

        Assert.Equal([("b", 9_999m), ("a", 1_000m), ("s:culture", 500m)], report.Rows.Select(r => (Graph.Ids[r.Funder!.Value], r.Amount)));
        Assert.Equal((11_499m, 3, 1), (report.Amount, report.Grants, report.Beneficiaries));
    }

    [Fact]
    public void ByBeneficiary_TheTopBeneficiariesComeFirst()
    {
        var report = FundingSummary.Summarise(Graph, new AnalysisScope { AuthorityId = "a" }, [FundingGroup.Beneficiary]);

        Assert.Equal([("x", 1_500m, 2), ("y", 350m, 2)], report.Rows.Select(r => (Graph.Ids[r.Beneficiary!.Value], r.Amount, r.Grants)));
    }

    [Fact]
    public void WithoutScopeOrGroups_OneRowHoldsEverything()
    {
        var report = FundingSummary.Summarise(Graph, AnalysisScope.Everything, []);

        var row = Assert.Single(report.Rows);
        Assert.Equal((11_849m, 5, 2), (row.Amount, row.Grants, row.Beneficiaries));
    }
}
