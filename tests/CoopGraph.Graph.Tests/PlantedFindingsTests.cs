using CoopGraph.Domain.Analytics.Centrality;
using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Analytics.Competition;
using CoopGraph.Domain.Analytics.Gaps;
using CoopGraph.Domain.Analytics.Labs;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Reach;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Analytics.Transversality;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Projections;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests;

/// <summary>What the demo dataset plants on purpose (see its header), found by the analytics.</summary>
public sealed class PlantedFindingsTests : IAsyncLifetime
{
    private TempStore _temp = null!;
    private GraphProjection _p = null!;

    public async Task InitializeAsync()
    {
        _temp = await TempStore.CreateAsync(seedDemo: true);
        _p = await new ProjectionProvider(_temp.Store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance).GetAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private int Id(string id) => _p.Find(id)!.Value;

    [Fact]
    public void MontsDuSud_IsASiloInEveryDomain()
    {
        var report = TransversalityAnalysis.Report(_p, Id("auth:dep-ms"), null);

        Assert.Equal(0, report.TransversalLinks);
        Assert.Equal(report.Domains, report.SiloDomains);
        Assert.Equal(0, report.DomainPairCoverage);
    }

    [Fact]
    public void TheCitysSportDirectorate_IsASilo_WhileItsSocialServiceWorksAcrossDomains()
    {
        var report = TransversalityAnalysis.Report(_p, Id("auth:city-sa"), null);

        Assert.Contains(PolicyDomain.Sport, report.SiloDomains);
        Assert.DoesNotContain(PolicyDomain.Social, report.SiloDomains);
        Assert.True(report.Matrix.Single(c => (c.A, c.B) == (PolicyDomain.Social, PolicyDomain.Health)).Direct >= 1);
    }

    [Fact]
    public void TheMobilityGarage_BridgesEmploymentAndSocialServices()
    {
        var report = TransversalityAnalysis.Report(_p, Id("auth:dep-vc"), null);

        var garage = report.Bridges.Single(b => _p.Ids[b.Actor] == "sse:garage-solidaire");
        Assert.Equal([PolicyDomain.Social, PolicyDomain.Employment], garage.Domains);
    }

    [Fact]
    public void TheReuseOrganisations_AreTheTopCooperationGap()
    {
        var gaps = CooperationGaps.Find(_p, ScopeResolver.Members(_p, AnalysisScope.Everything), null, new GapOptions { First = 3 });

        var top = gaps.Items[0];
        Assert.Equal(("sse:repair-cafe", "sse:ressourcerie"), (_p.Ids[top.Source], _p.Ids[top.Target]));
        Assert.Equal(
            [GapReasonKind.SharedTheme, GapReasonKind.CommonPartner, GapReasonKind.SharedPolicy, GapReasonKind.SharedFunder],
            top.Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void TheRegionalEssCall_IsTheTopCompetitionHotspot()
    {
        var top = CompetitionHotspots.Find(_p, null, null)[0];

        Assert.Equal("pol:region-ess-call", _p.Ids[top.Policy]);
        Assert.True(top.CooperatingPairShare < 0.05);
    }

    [Fact]
    public void SolidarityAndTransportInMontsDuSud_AreADomainGapOverElderlyIsolation()
    {
        var gap = Assert.Single(DomainGaps.Find(_p, Id("auth:dep-ms"), null), g => (g.A, g.B) == (PolicyDomain.Social, PolicyDomain.Transport));

        Assert.Contains(Id("theme:elderly-isolation"), gap.SharedThemes);
    }

    [Fact]
    public void TheMissionLocale_IsTheMainBroker_AndCommunitiesAreDeterministic()
    {
        var members = ScopeResolver.Members(_p, AnalysisScope.Everything);

        var brokers = Brokers.Compute(_p, members, null);
        var communities = CommunityDetection.Compute(_p, members, null);

        Assert.True(brokers.Exact);
        Assert.Equal("sse:mission-locale", _p.Ids[brokers.Ranked[0].Actor]);
        Assert.Equal(communities.Communities.Select(c => c.Id), CommunityDetection.Compute(_p, members, null).Communities.Select(c => c.Id));
        Assert.InRange(communities.Modularity, 0.5, 1);
    }

    [Fact]
    public void TheLaboDesUsagers_DriftedInside()
    {
        var balance = LabBalances.Compute(_p, Id("lab:usagers"), null, new HashSet<int>(), 2019, 2024);

        // All outside in its first year (its researchers and a neighbourhood association), three quarters inside by 2023.
        Assert.Equal(0, balance.Trend[0].InsideShare);
        Assert.Equal(0.75, balance.Trend.Single(p => p.Year == 2023).InsideShare);
    }

    [Fact]
    public void TheRegionsLyceesPolicy_ReachedFourOfItsTenLycees()
    {
        var reach = ReachAnalysis.Compute(_p, Id("pol:region-lycees"), ReachAnalysis.DefaultVia, null);

        Assert.Equal((10, 4, 3, 1), (reach.Establishments, reach.ReachedEstablishments, reach.Reached.Count(r => r.Engaged), reach.Reached.Count(r => r.EngagedWithSse)));
    }

    [Fact]
    public void TheFoodAidCall_WasFollowedByLessCooperation_WhileComparableOrganisationsDidNotChange()
    {
        var effect = InstrumentEffects.Measure(_p, Id("pol:depvc-food-call"), 2023, 2);

        Assert.True(effect.Participants.CooperatingAfter < effect.Participants.CooperatingBefore);
        Assert.Equal(effect.Comparison.ShareBefore, effect.Comparison.ShareAfter);
        Assert.True(effect.Comparison.Actors.Length >= InstrumentEffects.MinGroupSize);
        Assert.True(effect.DifferenceInDifferences < 0);
    }
}
