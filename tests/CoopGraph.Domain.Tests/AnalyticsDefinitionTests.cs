using CoopGraph.Domain.Analytics;
using CoopGraph.Domain.Analytics.Competition;
using CoopGraph.Domain.Analytics.Gaps;
using CoopGraph.Domain.Analytics.Paths;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Analytics.Transversality;
using CoopGraph.Domain.Generation;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>Each definition of the analytics checked on a graph small enough to work out by hand.</summary>
public sealed class AnalyticsDefinitionTests
{
    // A town with social, transport and culture services:
    //   social ─ garage (works on mobility: TRANSPORT)  ─ transport      (garage bridges social and transport)
    //   social ─ transport (direct, transversal)
    //   culture ─ theatre (works on culture: CULTURE)                     (culture is a silo)
    private static GraphProjection Town() => new TinyGraph()
        .Theme("t-mobility", PolicyDomain.Transport).Theme("t-culture", PolicyDomain.Culture).Theme("t-food", PolicyDomain.Social)
        .Authority("town")
        .Service("social", "town", PolicyDomain.Social, "t-food")
        .Service("transport", "town", PolicyDomain.Transport, "t-mobility")
        .Service("culture", "town", PolicyDomain.Culture, "t-culture")
        .Sse("garage", "t-mobility").Sse("theatre", "t-culture").Sse("pantry", "t-food").Sse("cafe", "t-food")
        .Cooperate("social", "garage", 2020).Cooperate("garage", "transport", 2020)
        .Cooperate("social", "transport", 2022)
        .Cooperate("culture", "theatre", 2010)
        .Cooperate("social", "pantry", 2015, 2018)
        .Build();

    private static int Id(GraphProjection p, string id) => p.Find(id)!.Value;

    [Fact]
    public void Transversality_FollowsTheDefinitions()
    {
        var p = Town();

        var report = TransversalityAnalysis.Report(p, Id(p, "town"), day: null);

        // Service links: social–garage, garage–transport, social–transport, culture–theatre, social–pantry = 5.
        // Transversal: social–garage (SOCIAL vs TRANSPORT), social–transport. garage–transport share TRANSPORT.
        Assert.Equal((5, 2), (report.ServiceLinks, report.TransversalLinks));
        Assert.Equal(0.4, report.LinkShare, 12);
        // Pairs: SOCIAL–TRANSPORT covered (direct); SOCIAL–CULTURE and TRANSPORT–CULTURE not.
        Assert.Equal(3, report.DomainPairs);
        Assert.Equal(1.0 / 3, report.DomainPairCoverage, 12);
        Assert.Equal([PolicyDomain.Culture], report.SiloDomains);
        var cell = report.Matrix.Single(c => c.A == PolicyDomain.Social && c.B == PolicyDomain.Transport);
        Assert.Equal((1, 1, true), (cell.Direct, cell.Bridged, cell.Covered));
        var bridge = Assert.Single(report.Bridges);
        Assert.Equal("garage", p.Ids[bridge.Actor]);
        Assert.Equal(1, bridge.DomainPairs);
    }

    [Fact]
    public void TheEiIndex_IsExternalMinusInternalOverTheirSum_ForTheAuthorityAndEachDomain()
    {
        var p = Town();

        var report = TransversalityAnalysis.Report(p, Id(p, "town"), day: null);

        // External: the 2 transversal links; internal: garage–transport, culture–theatre, social–pantry. (2 − 3) / 5.
        Assert.Equal(-0.2, report.EiIndex!.Value, 12);
        // Social: social–garage and social–transport external, social–pantry internal: (2 − 1) / 3.
        // Transport: social–transport external, garage–transport internal: 0. Culture: culture–theatre internal: −1.
        Assert.Equal(
            [(PolicyDomain.Social, 2, 1, 1.0 / 3), (PolicyDomain.Transport, 1, 1, 0.0), (PolicyDomain.Culture, 0, 1, -1.0)],
            report.DomainEi.Select(d => (d.Domain, d.External, d.Internal, d.EiIndex!.Value)));
        // Before any link, nothing to measure.
        Assert.Null(TransversalityAnalysis.Report(p, Id(p, "town"), new DateOnly(2000, 1, 1).DayNumber).EiIndex);
    }

    [Fact]
    public void Transversality_AsOfADay_CountsOnlyLinksValidThatDay()
    {
        var p = Town();

        var in2016 = TransversalityAnalysis.Report(p, Id(p, "town"), new DateOnly(2016, 6, 1).DayNumber);
        var trend = TransversalityAnalysis.Trend(p, Id(p, "town"), 2016, 2023);

        // 2016: culture–theatre and social–pantry only, neither transversal.
        Assert.Equal((2, 0), (in2016.ServiceLinks, in2016.TransversalLinks));
        // 2019: culture–theatre only; 2020: + social–garage (transversal) and garage–transport; 2022: + social–transport.
        Assert.Equal([0, 0, 0, 0, 1.0 / 3, 1.0 / 3, 0.5, 0.5], trend.Select(t => t.LinkShare));
        Assert.Equal(Enumerable.Range(2016, 8), trend.Select(t => t.Year));
        Assert.Equal(2, trend.Single(t => t.Year == 2018).ServiceLinks);
    }

    [Fact]
    public void ASilo_IsAnEmptyRowOfTheMatrix_EvenWithATransversalLinkOutside()
    {
        // health cooperates only with a garage working on mobility: a transversal link, yet no other domain of the
        // authority is reached, directly or through a shared partner. social and housing share a partner.
        var p = new TinyGraph()
            .Theme("mobility", PolicyDomain.Transport)
            .Authority("a")
            .Service("social", "a", PolicyDomain.Social).Service("housing", "a", PolicyDomain.Housing).Service("health", "a", PolicyDomain.Health)
            .Sse("garage", "mobility").Sse("pantry")
            .Cooperate("health", "garage")
            .Cooperate("social", "pantry").Cooperate("housing", "pantry")
            .Build();
        var single = new TinyGraph().Theme("mobility", PolicyDomain.Transport).Authority("b").Service("only", "b", PolicyDomain.Health)
            .Sse("garage", "mobility").Cooperate("only", "garage").Build();

        var report = TransversalityAnalysis.Report(p, Id(p, "a"), null);

        Assert.Equal(1, report.TransversalLinks);
        Assert.Equal([PolicyDomain.Health], report.SiloDomains);
        Assert.Empty(TransversalityAnalysis.Report(single, Id(single, "b"), null).SiloDomains);
    }

    [Fact]
    public void CoverageCountsTwoHops_ButNotThree()
    {
        var p = new TinyGraph()
            .Theme("t", PolicyDomain.Social)
            .Authority("a")
            .Service("s1", "a", PolicyDomain.Social).Service("s2", "a", PolicyDomain.Housing).Service("s3", "a", PolicyDomain.Culture)
            .Sse("x").Sse("y")
            .Cooperate("s1", "x").Cooperate("x", "s2")   // two hops: covered
            .Cooperate("s2", "y").Cooperate("y", "s3")   // s1 to s3 is four hops
            .Build();

        var report = TransversalityAnalysis.Report(p, Id(p, "a"), null);

        var covered = report.Matrix.Where(c => c.Covered).Select(c => (c.A, c.B)).ToList();
        Assert.Equal([(PolicyDomain.Social, PolicyDomain.Housing), (PolicyDomain.Housing, PolicyDomain.Culture)], covered);
    }

    [Fact]
    public void Gaps_NeverPairActorsThatCooperate_AndScoreIsTheSumOfReasons()
    {
        var p = Town();
        var members = ScopeResolver.Members(p, AnalysisScope.Everything);

        var gaps = CooperationGaps.Find(p, members, null, new GapOptions { First = 100 });

        Assert.NotEmpty(gaps.Items);
        foreach (var gap in gaps.Items)
        {
            var cooperate = p.Cooperation.Neighbours(gap.Source).Contains(gap.Target);
            Assert.False(cooperate, $"{p.Ids[gap.Source]}–{p.Ids[gap.Target]} already cooperate");
            Assert.Equal(gap.Reasons.Sum(r => r.Weight), gap.Score, 12);
            Assert.True(string.CompareOrdinal(p.Ids[gap.Source], p.Ids[gap.Target]) < 0);
        }
        // pantry and cafe share the rare theme 'food' with social: 1/ln(3) each.
        var pantryCafe = gaps.Items.Single(g => (p.Ids[g.Source], p.Ids[g.Target]) == ("cafe", "pantry"));
        Assert.Equal(1 / Math.Log(3), pantryCafe.Score, 12);
        Assert.Equal(GapReasonKind.SharedTheme, Assert.Single(pantryCafe.Reasons).Kind);
    }

    [Fact]
    public void Gaps_RankedScore_IsExactlyTheScoreOfTheReasons()
    {
        // Candidates are ranked by a score summed without building reasons; the listed score is summed with them.
        var builder = new ProjectionBuilder();
        new GraphGenerator(GeneratorScale.Demo).Generate(builder);
        var p = builder.Build(1, DateTimeOffset.UnixEpoch);
        var members = ScopeResolver.Members(p, AnalysisScope.Everything);
        var options = new GapOptions { First = 300 };

        var gaps = CooperationGaps.Find(p, members, null, options);
        var scorer = CooperationGaps.Scorer(p, members, null, options);

        Assert.Equal(300, gaps.Items.Count);
        Assert.Contains(gaps.Items, g => g.Reasons.Count >= 3);
        Assert.All(gaps.Items, g => Assert.Equal(BitConverter.DoubleToInt64Bits(g.Score), BitConverter.DoubleToInt64Bits(scorer(g.Source, g.Target))));
    }

    [Fact]
    public void Gaps_AsOfADay_TreatEndedCooperationAsAGap()
    {
        var p = Town();
        var members = ScopeResolver.Members(p, AnalysisScope.Everything);

        var now = CooperationGaps.Find(p, members, new DateOnly(2024, 1, 1).DayNumber, new GapOptions { First = 100 });
        var then = CooperationGaps.Find(p, members, new DateOnly(2016, 1, 1).DayNumber, new GapOptions { First = 100 });

        bool Has(GapPage page, string a, string b) => page.Items.Any(g => (p.Ids[g.Source], p.Ids[g.Target]) == (a, b));
        Assert.True(Has(now, "pantry", "social"));
        Assert.False(Has(then, "pantry", "social"));
    }

    [Fact]
    public void Gaps_PageThroughEveryCandidateOnce_InScoreOrder()
    {
        var p = Town();
        var members = ScopeResolver.Members(p, AnalysisScope.Everything);
        var all = CooperationGaps.Find(p, members, null, new GapOptions { First = 1000 });

        var paged = new List<CooperationGap>();
        GapCursor? after = null;
        while (true)
        {
            var page = CooperationGaps.Find(p, members, null, new GapOptions { First = 2, After = after });
            Assert.Equal(all.TotalCount, page.TotalCount);
            paged.AddRange(page.Items);
            if (!page.HasNextPage)
            {
                break;
            }
            var last = page.Items[^1];
            after = new GapCursor(last.Score, p.Ids[last.Source], p.Ids[last.Target]);
        }

        Assert.Equal(all.Items.Select(g => (g.Source, g.Target)), paged.Select(g => (g.Source, g.Target)));
        Assert.Equal(all.Items.OrderByDescending(g => g.Score).Select(g => g.Score), all.Items.Select(g => g.Score));
    }

    [Fact]
    public void Hotspots_RankCallsByHowRarelyApplicantsCooperate()
    {
        var p = new TinyGraph()
            .Sse("a").Sse("b").Sse("c").Sse("d")
            .Policy("call-1", Instrument.CallForProjects).Policy("call-2", Instrument.CallForProjects).Policy("subsidy", Instrument.Subsidy)
            .Link(LinkType.AppliedTo, "a", "call-1").Link(LinkType.AppliedTo, "b", "call-1").Link(LinkType.AppliedTo, "c", "call-1")
            .Link(LinkType.AppliedTo, "a", "call-2").Link(LinkType.AppliedTo, "b", "call-2").Link(LinkType.AppliedTo, "d", "call-2")
            .Link(LinkType.AppliedTo, "a", "subsidy").Link(LinkType.AppliedTo, "b", "subsidy").Link(LinkType.AppliedTo, "c", "subsidy")
            .Cooperate("a", "b").Cooperate("b", "c")
            .Build();

        var hotspots = CompetitionHotspots.Find(p, null, null);

        Assert.Equal(["call-2", "call-1"], hotspots.Select(h => p.Ids[h.Policy]));
        Assert.Equal(1.0 / 3, hotspots[0].CooperatingPairShare, 12);
        Assert.Equal(2.0 / 3, hotspots[1].CooperatingPairShare, 12);
    }

    [Fact]
    public void Path_IsShortest_RespectsTypesAndHopLimit()
    {
        var p = Town();

        var coop = PathFinder.Find(p, Id(p, "garage"), Id(p, "pantry"), [LinkType.CooperatesWith], 6, null);
        var limited = PathFinder.Find(p, Id(p, "garage"), Id(p, "pantry"), [LinkType.CooperatesWith], 1, null);
        var viaThemes = PathFinder.Find(p, Id(p, "pantry"), Id(p, "cafe"), [LinkType.WorksOn], 6, null);
        var noThemes = PathFinder.Find(p, Id(p, "pantry"), Id(p, "cafe"), [LinkType.CooperatesWith], 6, null);

        Assert.Equal(["garage", "social", "pantry"], coop!.Nodes.Select(n => p.Ids[n]));
        Assert.Equal(2, coop.Hops);
        Assert.Null(limited);
        Assert.Equal(["pantry", "t-food", "cafe"], viaThemes!.Nodes.Select(n => p.Ids[n]));
        Assert.Null(noThemes);
    }

    [Fact]
    public void Scope_IntersectsItsFields_AndRefusesUnknownIds()
    {
        var p = Town();

        var circle = ScopeResolver.Members(p, new AnalysisScope { AuthorityId = "town" }).Select(i => p.Ids[i]);
        var circleInTransport = ScopeResolver.Members(p, new AnalysisScope { AuthorityId = "town", Domains = [PolicyDomain.Transport] }).Select(i => p.Ids[i]);
        var circleIn2016 = ScopeResolver.Members(p, new AnalysisScope { AuthorityId = "town", AsOf = new DateOnly(2016, 1, 1) }).Select(i => p.Ids[i]);

        Assert.Equal(["town", "social", "transport", "culture", "garage", "theatre", "pantry"], circle);
        Assert.Equal(["transport", "garage"], circleInTransport);
        Assert.Equal(["town", "social", "transport", "culture", "theatre", "pantry"], circleIn2016);
        Assert.Throws<AnalysisInputException>(() => ScopeResolver.Members(p, new AnalysisScope { AuthorityId = "garage" }));
        Assert.Throws<AnalysisInputException>(() => ScopeResolver.Members(p, new AnalysisScope { TerritoryCode = "nowhere" }));
    }
}
