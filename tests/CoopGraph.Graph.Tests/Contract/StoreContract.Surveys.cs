using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Surveys;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>The store contract: surveys, their invitations and answers, and the links answers make, on every store.</summary>
public abstract partial class StoreContract
{
    private const string SurveyedAuthority = "auth:surveyed";

    private static async Task AddSurveyedAuthorityAsync(StoreUnderTest store)
    {
        Node[] nodes =
        [
            new Authority { Id = SurveyedAuthority, Name = "Commune sondée", Level = AuthorityLevel.Commune },
            new Service { Id = "svc:s-social", Name = "Solidarités", Domain = PolicyDomain.Social, PrivateTo = SurveyedAuthority },
            new Service { Id = "svc:s-transport", Name = "Mobilités", Domain = PolicyDomain.Transport, PrivateTo = SurveyedAuthority },
            new SseActor { Id = "sse:s-velo", Name = "Vélo solidaire", LegalForm = LegalForm.Association },
        ];
        var batch = new GraphBatch
        {
            Nodes = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])
            {
                Relations = n is Service ? [new RelationSet(LinkType.PartOf, "authorityId", [SurveyedAuthority])] : [],
            }).ToList(),
        };
        Assert.True((await store.Graph.WriteAsync(batch, Ct)).Succeeded);
    }

    private static Declaration Declared(string service, string partner, int intensity = 3) =>
        new(service, partner, CooperationKind.Partnership, intensity, new DateOnly(2020, 1, 1), ["theme:a", "theme:b"]);

    [ContractFact]
    public async Task Surveys_AreFoundByTokenHash_Listed_Reissued_AndClosedOnce()
    {
        await using var store = await OpenEmptyAsync();
        var created = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var first = new Survey { Id = "survey:one", AuthorityId = SurveyedAuthority, Title = "2026", OpensOn = new DateOnly(2026, 3, 2), ClosesOn = new DateOnly(2026, 6, 30), CreatedAt = created };
        var second = first with { Id = "survey:two", Title = "2027", OpensOn = new DateOnly(2027, 3, 2), ClosesOn = null, CreatedAt = created.AddYears(1) };

        await store.Surveys.CreateAsync(first, [("svc:a", "hash-a"), ("svc:b", "hash-b")], Ct);
        await store.Surveys.CreateAsync(second, [("svc:a", "hash-a2")], Ct);

        Assert.Equal(first, Assert.Single(await store.Surveys.GetAsync(["survey:one", "survey:none"], Ct)));
        Assert.Equal(["survey:two", "survey:one"], (await store.Surveys.ListAsync(SurveyedAuthority, Ct)).Select(s => s.Id));
        Assert.Empty(await store.Surveys.ListAsync("auth:other", Ct));
        Assert.Equal(("survey:one", "svc:b"), await store.Surveys.FindInvitationAsync("hash-b", Ct) is { } found ? (found.Survey.Id, found.ServiceId) : default);
        Assert.True(await store.Surveys.ReissueAsync("survey:one", "svc:b", "hash-b2", Ct));
        Assert.False(await store.Surveys.ReissueAsync("survey:one", "svc:z", "hash-z", Ct));
        Assert.Null(await store.Surveys.FindInvitationAsync("hash-b", Ct));
        Assert.NotNull(await store.Surveys.FindInvitationAsync("hash-b2", Ct));
        Assert.True(await store.Surveys.CloseAsync("survey:one", created.AddDays(10), Ct));
        Assert.False(await store.Surveys.CloseAsync("survey:one", created.AddDays(11), Ct));
        Assert.Equal(created.AddDays(10), (await store.Surveys.GetAsync(["survey:one"], Ct))[0].ClosedAt);
    }

    [ContractFact]
    public async Task ADeclarationSet_IsReplacedPerService_AndRestoredWhole()
    {
        await using var store = await OpenEmptyAsync();
        var at = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
        var survey = new Survey { Id = "survey:d", AuthorityId = SurveyedAuthority, Title = "t", OpensOn = new DateOnly(2026, 3, 2), CreatedAt = at };
        await store.Surveys.CreateAsync(survey, [("svc:a", "h-a"), ("svc:b", "h-b")], Ct);

        await store.Surveys.ReplaceDeclarationsAsync(survey.Id, "svc:a", [Declared("svc:a", "svc:b"), Declared("svc:a", "sse:x", 5)], at, Ct);
        await store.Surveys.ReplaceDeclarationsAsync(survey.Id, "svc:b", [Declared("svc:b", "svc:a")], at.AddHours(1), Ct);
        await store.Surveys.ReplaceDeclarationsAsync(survey.Id, "svc:a", [Declared("svc:a", "sse:y")], at.AddHours(2), Ct);
        var afterReplace = await store.Surveys.GetDeclarationsAsync(survey.Id, Ct);
        var invitations = await store.Surveys.GetInvitationsAsync(survey.Id, Ct);
        await store.Surveys.ReplaceDeclarationsAsync(survey.Id, "svc:b", [], null, Ct);

        Assert.Equal(["svc:a>sse:y", "svc:b>svc:a"], afterReplace.Select(d => $"{d.ServiceId}>{d.PartnerId}"));
        Assert.Equal(["theme:a", "theme:b"], afterReplace[0].ThemeIds);
        Assert.Equal(new DateOnly(2020, 1, 1), afterReplace[0].Since);
        Assert.Equal([("svc:a", at.AddHours(2), 1), ("svc:b", at.AddHours(1), 1)], invitations.Select(i => (i.ServiceId, i.AnsweredAt!.Value, i.Declared)));
        Assert.Equal(["svc:a>sse:y"], (await store.Surveys.GetDeclarationsAsync(survey.Id, Ct)).Select(d => $"{d.ServiceId}>{d.PartnerId}"));
        Assert.Null((await store.Surveys.GetInvitationsAsync(survey.Id, Ct)).Single(i => i.ServiceId == "svc:b").AnsweredAt);
    }

    [ContractFact]
    public async Task Answers_BecomeTheAuthoritysPrivateLinks_AndWithdrawnOnesGo()
    {
        await using var store = await OpenEmptyAsync();
        await AddSurveyedAuthorityAsync(store);
        var service = new SurveyService(store.Graph, store.Surveys, TimeProvider.System);
        var created = (await service.CreateAsync(Viewer.BoundTo(SurveyedAuthority), new SurveyRequest(SurveyedAuthority, "Enquête", null, null), Ct)).Value!;
        var survey = created.Survey;
        static PartnerAnswer To(string partner, int intensity = 3) => new(partner, null, CooperationKind.SharedProject, intensity, null, [], ["input", 0]);

        var first = await service.AnswerAsync(survey, "svc:s-social", [To("svc:s-transport", 2), To("sse:s-velo")], Ct);
        var back = await service.AnswerAsync(survey, "svc:s-transport", [To("svc:s-social", 4)], Ct);
        var linksThen = (await store.Graph.GetLinksOfNodesAsync(Viewer.BoundTo(SurveyedAuthority), ["svc:s-social"], [LinkType.CooperatesWith], new PageRequest(10), Ct))["svc:s-social"].Items;
        var withdrawn = await service.AnswerAsync(survey, "svc:s-social", [To("svc:s-transport", 2)], Ct);
        var linksNow = (await store.Graph.GetLinksOfNodesAsync(Viewer.BoundTo(SurveyedAuthority), ["svc:s-social"], [LinkType.CooperatesWith], new PageRequest(10), Ct))["svc:s-social"].Items;
        var publicView = (await store.Graph.GetLinksOfNodesAsync(Viewer.Public, ["sse:s-velo"], [LinkType.CooperatesWith], new PageRequest(10), Ct)).GetValueOrDefault("sse:s-velo");

        Assert.True(first.Succeeded && back.Succeeded && withdrawn.Succeeded);
        Assert.Equal(2, created.Invitations.Count);
        Assert.Equal(2, linksThen.Count);
        Assert.All(linksThen, l => Assert.Equal((SurveyedAuthority, survey.Id), (l.Item.PrivateTo, l.Item.Source)));
        var pair = Assert.Single(linksNow).Item;
        Assert.Equal(("svc:s-social", "svc:s-transport", 4), (pair.SourceId, pair.TargetId, pair.Intensity));
        Assert.True(publicView is null || publicView.Items.Count == 0);
    }

    [ContractFact]
    public async Task AServicesDirection_IsAServiceOfTheSameOrAWiderAudience_AndIsReadBack()
    {
        await using var store = await OpenEmptyAsync();
        await AddSurveyedAuthorityAsync(store);
        NodeUpsert Unit(string id, string direction, string? privateTo = SurveyedAuthority) =>
            new(new Service { Id = id, Name = id, Domain = PolicyDomain.Employment, DirectionId = direction, PrivateTo = privateTo }, ["input", 0])
            {
                Relations = [new RelationSet(LinkType.PartOf, "authorityId", [SurveyedAuthority])],
            };

        var written = await store.Graph.WriteAsync(new GraphBatch { Nodes = [Unit("svc:s-insertion", "svc:s-social")] }, Ct);
        var missing = await store.Graph.WriteAsync(new GraphBatch { Nodes = [Unit("svc:s-x", "svc:s-none")] }, Ct);
        var notAService = await store.Graph.WriteAsync(new GraphBatch { Nodes = [Unit("svc:s-y", "sse:s-velo")] }, Ct);
        var itself = await store.Graph.WriteAsync(new GraphBatch { Nodes = [Unit("svc:s-z", "svc:s-z")] }, Ct);
        var publicUnderPrivate = await store.Graph.WriteAsync(new GraphBatch { Nodes = [Unit("svc:s-public", "svc:s-social", privateTo: null)] }, Ct);

        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));
        Assert.Equal("svc:s-social", Assert.IsType<Service>((await store.Graph.GetNodesAsync(Viewer.Everything, ["svc:s-insertion"], Ct)).Single()).DirectionId);
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single(missing.Errors).Code);
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single(notAService.Errors).Code);
        Assert.Equal(UserErrorCodes.InvalidValue, Assert.Single(itself.Errors).Code);
        Assert.Equal(["directionId"], Assert.Single(publicUnderPrivate.Errors).Path.Skip(2).Select(p => p.ToString()));
    }

    [ContractFact]
    public async Task DeletingAnAuthority_DeletesItsSurveys()
    {
        await using var store = await OpenEmptyAsync();
        await AddSurveyedAuthorityAsync(store);
        var service = new SurveyService(store.Graph, store.Surveys, TimeProvider.System);
        var created = (await service.CreateAsync(Viewer.Everything, new SurveyRequest(SurveyedAuthority, "Enquête", null, null), Ct)).Value!;
        await service.AnswerAsync(created.Survey, "svc:s-social", [new PartnerAnswer("sse:s-velo", null, CooperationKind.Network, 2, null, [], ["input", 0])], Ct);

        var deleted = await store.Graph.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete(SurveyedAuthority, ["ids", 0])] }, Ct);

        Assert.True(deleted.Succeeded, string.Join("; ", deleted.Errors.Select(e => e.Message)));
        Assert.Empty(await store.Surveys.ListAsync(SurveyedAuthority, Ct));
        Assert.Null(await store.Surveys.FindInvitationAsync(SurveyTokens.Hash(created.Invitations[0].Token), Ct));
        Assert.Empty(await store.Surveys.GetDeclarationsAsync(created.Survey.Id, Ct));
    }
}
