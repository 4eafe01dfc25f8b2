using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;

namespace CoopGraph.Domain.Tests;

/// <summary>How declarations become links and figures, on cases whose answers follow by hand.</summary>
public sealed class SurveyRulesTests
{
    private static readonly Survey Survey = new()
    {
        Id = "survey:x", AuthorityId = "auth:x", Title = "t", OpensOn = new DateOnly(2026, 1, 5), CreatedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
    };

    private static Declaration D(string service, string partner, int intensity = 3, int? since = null, CooperationKind kind = CooperationKind.Partnership) =>
        new(service, partner, kind, intensity, since is { } y ? new DateOnly(y, 1, 1) : null, []);

    [Fact]
    public void APair_IsOneLink_WithTheStrongestKind_AndTheEarliestYear_PrivateToTheAuthority()
    {
        var link = SurveyLinks.Make(Survey, new ActorPair("svc:b", "svc:a"),
            [D("svc:b", "svc:a", 2, 2019, CooperationKind.Network), D("svc:a", "svc:b", 4, 2021, CooperationKind.Agreement)]);

        Assert.Equal(("svc:a", "svc:b"), (link.SourceId, link.TargetId));
        Assert.Equal((CooperationKind.Agreement, 4, new DateOnly(2019, 1, 1)), (link.CooperationKind, link.Intensity, link.Since));
        Assert.Equal(("auth:x", "survey:x"), (link.PrivateTo, link.Source));
        Assert.Equal("survey:x", SurveyOrigins.SurveyId(link.Source));
    }

    [Fact]
    public void ASubmission_RewritesThePairsItTouches_AndReleasesThoseNoOneDeclares()
    {
        IReadOnlyList<Declaration> before = [D("svc:a", "svc:b"), D("svc:a", "sse:v"), D("svc:c", "svc:a"), D("svc:c", "sse:w")];

        var plan = SurveySubmission.Plan(Survey, "svc:a", before, [D("svc:a", "svc:b", 5), D("svc:a", "svc:c")]);

        // a–b rewritten (intensity 5), a–c still declared by c (and now by a), a–v released; c–w untouched.
        Assert.Equal(["svc:a|svc:b|5", "svc:a|svc:c|3"], plan.Written.Select(l => $"{l.SourceId}|{l.TargetId}|{l.Intensity}"));
        Assert.Equal([new ActorPair("svc:a", "sse:v")], plan.Released);
    }

    [Fact]
    public void Figures_CountAnswers_AndPairsOfInvitedServicesDeclaredByBoth()
    {
        var at = DateTimeOffset.UnixEpoch;
        SurveyInvitation[] invited = [new("s", "svc:a", at, 3), new("s", "svc:b", at, 1), new("s", "svc:c", null, 0), new("s", "svc:d", null, 0)];
        Declaration[] declared = [D("svc:a", "svc:b"), D("svc:a", "svc:c"), D("svc:a", "sse:v"), D("svc:b", "svc:a"), D("svc:b", "svc:out")];

        var figures = SurveyFigures.Of(invited, declared);

        Assert.Equal((4, 2, 0.5), (figures.Invited, figures.Answered, figures.ResponseRate));
        // a–b (both), a–c (one): sse:v and the uninvited svc:out do not count.
        Assert.Equal((2, 1, 0.5), (figures.InternalPairs, figures.ConfirmedPairs, figures.Reciprocity));
        Assert.Null(SurveyFigures.Of(invited, [D("svc:a", "sse:v")]).Reciprocity);
        Assert.Equal(0, SurveyFigures.Of([], []).ResponseRate);
    }

    [Fact]
    public void Changes_ArePairsDeclaredInOneSurveyAndNotTheOther()
    {
        var changes = SurveyChanges.Between([D("svc:a", "svc:b"), D("svc:a", "svc:c")], [D("svc:b", "svc:a"), D("svc:a", "svc:d")]);

        Assert.Equal([new ActorPair("svc:a", "svc:d")], changes.Appeared);
        Assert.Equal([new ActorPair("svc:a", "svc:c")], changes.NoLongerDeclared);
    }

    [Fact]
    public void AClosingDay_StillTakesAnswers_AndAClosedSurveyNone()
    {
        var dated = Survey with { ClosesOn = new DateOnly(2026, 2, 1) };

        Assert.True(dated.IsOpenOn(new DateOnly(2026, 2, 1)));
        Assert.False(dated.IsOpenOn(new DateOnly(2026, 2, 2)));
        Assert.False((Survey with { ClosedAt = DateTimeOffset.UnixEpoch }).IsOpenOn(new DateOnly(2026, 1, 6)));
        Assert.True(SurveyOrigins.IsSurveyId("survey:x"));
        Assert.False(SurveyOrigins.IsSurveyId("survey:"));
        Assert.Null(SurveyOrigins.SurveyId("dataset:x"));
    }
}
