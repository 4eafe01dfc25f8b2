using CoopGraph.Domain.Analytics.Competition;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>A call for projects judged by the cooperation that followed it, against comparable actors; figures by hand.</summary>
public sealed class InstrumentEffectTests
{
    // Département d1 (communes k1, k2) and d2 (commune k3). Everyone below works on theme t unless said.
    // The call "call" (2022): p1…p4 (associations in k1) applied in 2022.
    //   Before (2020–2021): p1–p2 (2020 to 2021). From 2022 (2022–2023): p1–p3, p2–p4, p3–p4 (since 2022).
    //   Shares: before 1/6, after 3/6.
    // Comparison, matched on kind, département and theme: c1…c4 (associations in k2). Not matched: u (a university),
    // y (an association in d2), z (an association in k1 working on another theme).
    //   c1–c2 since 2019 (both windows), c1–c3 undated (both windows), c3–c4 since 2023 (after only): before 2/6, after 3/6.
    // Difference of differences: (3/6 − 1/6) − (3/6 − 2/6) = 1/6.
    // The subsidy "small" funds q1…q3 (associations in d2) only: too few to say anything.
    private static TinyGraph Graph()
    {
        var g = new TinyGraph()
            .Theme("t", PolicyDomain.Social).Theme("other", PolicyDomain.Culture)
            .Territory("r", "R1").Territory("d1", "D1", "r").Territory("d2", "D2", "r")
            .Territory("k1", "K1", "d1").Territory("k2", "K2", "d1").Territory("k3", "K3", "d2")
            .Policy("call", Instrument.CallForProjects).Policy("small", Instrument.Subsidy);
        foreach (var (id, place, theme) in new[]
        {
            ("p1", "k1", "t"), ("p2", "k1", "t"), ("p3", "k1", "t"), ("p4", "k1", "t"),
            ("c1", "k2", "t"), ("c2", "k2", "t"), ("c3", "k2", "t"), ("c4", "k2", "t"),
            ("y", "k3", "t"), ("z", "k1", "other"), ("q1", "k3", "t"), ("q2", "k3", "t"), ("q3", "k3", "t"),
        })
        {
            g.Sse(id, theme).Link(LinkType.LocatedIn, id, place);
        }
        g.University("u", "t").Link(LinkType.LocatedIn, "u", "k2");
        foreach (var p in new[] { "p1", "p2", "p3", "p4" })
        {
            g.Link(LinkType.AppliedTo, p, "call", new DateOnly(2022, 3, 1));
        }
        foreach (var q in new[] { "q1", "q2", "q3" })
        {
            g.Funds("small", q, 1_000m, 2021);
        }
        return g
            .Cooperate("p1", "p2", 2020, 2021).Cooperate("p1", "p3", 2022).Cooperate("p2", "p4", 2022).Cooperate("p3", "p4", 2022)
            .Cooperate("c1", "c2", 2019).Cooperate("c1", "c3").Cooperate("c3", "c4", 2023);
    }

    private static readonly Analytics.Projection.GraphProjection Projection = Graph().Build();

    private static string[] Ids(int[] nodes) => nodes.Select(n => Projection.Ids[n]).ToArray();

    [Fact]
    public void The_difference_of_differences_compares_participants_with_matched_actors_outside()
    {
        var effect = InstrumentEffects.Measure(Projection, Projection.IndexOf["call"], 2022, 2);

        Assert.Equal(["p1", "p2", "p3", "p4"], Ids(effect.Participants.Actors));
        Assert.Equal((6, 1, 3), (effect.Participants.Pairs, effect.Participants.CooperatingBefore, effect.Participants.CooperatingAfter));
        Assert.Equal(["c1", "c2", "c3", "c4"], Ids(effect.Comparison.Actors));
        Assert.Equal((6, 2, 3), (effect.Comparison.Pairs, effect.Comparison.CooperatingBefore, effect.Comparison.CooperatingAfter));
        Assert.Equal(1.0 / 6, effect.DifferenceInDifferences!.Value, 12);
        Assert.Null(effect.Reason);
    }

    [Fact]
    public void Without_a_start_date_the_first_application_gives_the_start()
    {
        var effect = InstrumentEffects.Measure(Projection, Projection.IndexOf["call"], null, 2);

        Assert.Equal(2022, effect.StartYear);
        Assert.Equal(1.0 / 6, effect.DifferenceInDifferences!.Value, 12);
    }

    [Fact]
    public void Too_few_participants_say_nothing_and_say_why()
    {
        var effect = InstrumentEffects.Measure(Projection, Projection.IndexOf["small"], null, 2);

        Assert.Equal(2021, effect.StartYear);
        Assert.Null(effect.DifferenceInDifferences);
        Assert.Equal($"fewer than {InstrumentEffects.MinGroupSize} participants (3)", effect.Reason);
    }

    [Fact]
    public void Instruments_are_compared_by_the_mean_effect_of_their_measured_policies()
    {
        var summaries = InstrumentEffects.Compare(Projection, null, new Dictionary<int, int>(), 2);

        Assert.Equal(
            [(Instrument.Subsidy, 1, 0, (double?)null), (Instrument.CallForProjects, 1, 1, Math.Round(1.0 / 6, 12))],
            summaries.Select(s => (s.Instrument, s.Policies, s.Measured, s.MeanDifferenceInDifferences is { } d ? Math.Round(d, 12) : (double?)null)));
    }
}
