using System.Text.Json.Nodes;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.Surveys;

/// <summary>
/// A survey from creation to results on hand-made authorities: four services (social, transport, culture, education)
/// and a public association working on a social theme, so every figure below follows by hand.
/// </summary>
public sealed class SurveyFlowTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private static string[] Ids(JsonNode list) => list.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Answers_GiveResponseRate_Reciprocity_AndConfirmedLinks_AsCountedByHand()
    {
        var a = await factory.AddAuthorityAsync("flow");
        var (survey, tokens) = await SurveyCalls.CreateAsync(factory, a, "Avec qui travaillez-vous ?");
        Assert.Equal([a.Culture, a.Education, a.Social, a.Transport], tokens.Keys.Order(StringComparer.Ordinal));

        // Social declares transport, culture and the association; transport declares social back; the others are silent.
        var social = await SurveyCalls.AnswerAsync(factory, tokens[a.Social],
            SurveyCalls.Partner(a.Transport, intensity: 4, since: "2021-01-01"), SurveyCalls.Partner(a.Culture), SurveyCalls.Partner(a.Velo, "AGREEMENT", 2));
        Assert.Empty(social["errors"]!.AsArray());
        await SurveyCalls.AnswerAsync(factory, tokens[a.Transport], SurveyCalls.Partner(a.Social, intensity: 5, since: "2023-01-01"));

        var results = await SurveyCalls.ResultsAsync(factory, a, survey);
        Assert.Equal("OPEN", results["status"]!.GetValue<string>());
        Assert.Equal(4, results["invited"]!.GetValue<int>());
        Assert.Equal(2, results["answered"]!.GetValue<int>());
        Assert.Equal(0.5, results["responseRate"]!.GetValue<double>());
        // Internal pairs: social–transport (both ways) and social–culture (one way): 1 of 2 confirmed.
        Assert.Equal(0.5, results["reciprocity"]!.GetValue<double>());
        var declared = results["respondents"]!.AsArray().ToDictionary(r => r!["service"]!["id"]!.GetValue<string>(), r => r!["declared"]!.GetValue<int>());
        Assert.Equal(3, declared[a.Social]);
        Assert.Equal(1, declared[a.Transport]);
        Assert.Equal(0, declared[a.Culture]);
        var pairs = results["pairs"]!.AsArray();
        Assert.Equal(3, pairs.Count);
        Assert.Single(pairs, p => p!["confirmed"]!.GetValue<bool>());

        // The links, as the manager reads them: private to the authority, with their provenance.
        using var manager = factory.ClientWith(a.ManagerKey);
        var links = (await manager.PostAsync(
            "query($id: ID!) { actor(id: $id) { links(types: [COOPERATES_WITH]) { nodes { source { id } target { id } kind intensity since origin privateTo { id } confirmed declaredBy { id } survey { id } } } } }",
            new { id = a.Social }))["data"]!["actor"]!["links"]!["nodes"]!.AsArray();
        Assert.Equal(3, links.Count);
        var withTransport = links.Single(l => l!["source"]!["id"]!.GetValue<string>() == a.Transport || l["target"]!["id"]!.GetValue<string>() == a.Transport)!;
        Assert.True(withTransport["confirmed"]!.GetValue<bool>());
        Assert.Equal([a.Social, a.Transport], Ids(withTransport["declaredBy"]!));
        // The strongest declaration gives intensity and kind, the earliest year gives since.
        Assert.Equal(5, withTransport["intensity"]!.GetValue<int>());
        Assert.Equal("2021-01-01", withTransport["since"]!.GetValue<string>());
        Assert.All(links, l =>
        {
            Assert.Equal(a.Id, l!["privateTo"]!["id"]!.GetValue<string>());
            Assert.Equal(survey, l["survey"]!["id"]!.GetValue<string>());
            Assert.Equal(survey, l["origin"]!.GetValue<string>());
        });
        var withVelo = links.Single(l => l!["target"]!["id"]!.GetValue<string>() == a.Velo || l["source"]!["id"]!.GetValue<string>() == a.Velo)!;
        Assert.False(withVelo["confirmed"]!.GetValue<bool>());
        Assert.Equal("AGREEMENT", withVelo["kind"]!.GetValue<string>());

        // The dashboard on the survey's links: 3 service links, of which social–velo (social theme) is not transversal;
        // on confirmed links only: social–transport alone.
        var all = await SurveyCalls.TransversalityAsync(manager, a.Id, survey);
        Assert.Equal((3, 2), (all["serviceLinks"]!.GetValue<int>(), all["transversalLinks"]!.GetValue<int>()));
        var confirmed = await SurveyCalls.TransversalityAsync(manager, a.Id, survey, confirmedOnly: true);
        Assert.Equal((1, 1), (confirmed["serviceLinks"]!.GetValue<int>(), confirmed["transversalLinks"]!.GetValue<int>()));
        Assert.Equal(["CULTURE", "EDUCATION"], confirmed["siloDomains"]!.AsArray().Select(d => d!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Resubmitting_ReplacesTheServicesAnswers_AndTheLinksTheyMade()
    {
        var a = await factory.AddAuthorityAsync("again");
        var (survey, tokens) = await SurveyCalls.CreateAsync(factory, a, "Coopérations 2026");
        await SurveyCalls.AnswerAsync(factory, tokens[a.Social], SurveyCalls.Partner(a.Transport), SurveyCalls.Partner(a.Velo, themeIds: [a.Theme]));
        await SurveyCalls.AnswerAsync(factory, tokens[a.Culture], SurveyCalls.Partner(a.Social));
        var second = await SurveyCalls.AnswerAsync(factory, tokens[a.Social], SurveyCalls.Partner(a.Transport, intensity: 1));
        Assert.Empty(second["errors"]!.AsArray());

        using var manager = factory.ClientWith(a.ManagerKey);
        var partners = (await manager.PostAsync(
            "query($id: ID!) { actor(id: $id) { links(types: [COOPERATES_WITH]) { nodes { source { id } target { id } intensity declaredBy { id } } } } }",
            new { id = a.Social }))["data"]!["actor"]!["links"]!["nodes"]!.AsArray();
        // The association is gone (no one declares it now); culture still declares social, so that link stays.
        var others = partners.Select(l => l!["source"]!["id"]!.GetValue<string>() == a.Social ? l["target"]!["id"]!.GetValue<string>() : l["source"]!["id"]!.GetValue<string>())
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([a.Culture, a.Transport], others);
        Assert.Equal(1, partners.Single(l => l!["source"]!["id"]!.GetValue<string>() == a.Transport || l["target"]!["id"]!.GetValue<string>() == a.Transport)!["intensity"]!.GetValue<int>());

        using var respondent = factory.ClientWith(tokens[a.Social]);
        var form = (await respondent.PostAsync(SurveyCalls.Form))["data"]!["surveyForm"]!;
        Assert.Equal([a.Transport], form["answers"]!.AsArray().Select(p => p!["partner"]!["id"]!.GetValue<string>()));
        Assert.Equal(3, form["colleagues"]!.AsArray().Count);
        Assert.Equal(a.Social, form["service"]!["id"]!.GetValue<string>());

        var results = await SurveyCalls.ResultsAsync(factory, a, survey);
        Assert.Equal(1, results["respondents"]!.AsArray().Single(r => r!["service"]!["id"]!.GetValue<string>() == a.Social)!["declared"]!.GetValue<int>());
    }

    [Fact]
    public async Task ASurveysLinks_FeedTransversality_ExactlyAsLinksWrittenByMutations()
    {
        var surveyed = await factory.AddAuthorityAsync("surveyed");
        var written = await factory.AddAuthorityAsync("written");
        var (survey, tokens) = await SurveyCalls.CreateAsync(factory, surveyed, "Transversalité");
        await SurveyCalls.AnswerAsync(factory, tokens[surveyed.Social], SurveyCalls.Partner(surveyed.Transport), SurveyCalls.Partner(surveyed.Velo));
        await SurveyCalls.AnswerAsync(factory, tokens[surveyed.Culture], SurveyCalls.Partner(surveyed.Education), SurveyCalls.Partner(surveyed.Velo));

        using var writer = factory.ClientWith(written.ManagerKey);
        var links = new[] { (written.Social, written.Transport), (written.Social, written.Velo), (written.Culture, written.Education), (written.Culture, written.Velo) }
            .Select(p => new { type = "COOPERATES_WITH", sourceId = p.Item1, targetId = p.Item2, kind = "SHARED_PROJECT", intensity = 3 }).ToArray();
        var upsert = (await writer.PostAsync("mutation($l: [LinkInput!]!) { upsertLinks(input: $l) { errors { message } } }", new { l = links }))["data"]!["upsertLinks"]!;
        Assert.Empty(upsert["errors"]!.AsArray());

        using var surveyManager = factory.ClientWith(surveyed.ManagerKey);
        var fromSurvey = await SurveyCalls.TransversalityAsync(surveyManager, surveyed.Id, survey);
        var fromWhole = await SurveyCalls.TransversalityAsync(surveyManager, surveyed.Id);
        var fromMutations = await SurveyCalls.TransversalityAsync(writer, written.Id);
        Assert.Equal(fromMutations.ToJsonString(), fromSurvey.ToJsonString());
        Assert.Equal(fromMutations.ToJsonString(), fromWhole.ToJsonString());
        Assert.Equal(4, fromSurvey["serviceLinks"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClosingBy_HandOrByDate_RefusesAnswers_AndKeepsResults()
    {
        var a = await factory.AddAuthorityAsync("closing");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var (byHand, handTokens) = await SurveyCalls.CreateAsync(factory, a, "Fermée à la main");
        var (byDate, dateTokens) = await SurveyCalls.CreateAsync(factory, a, "Fermée à date", today.AddDays(3).ToString("yyyy-MM-dd"));
        await SurveyCalls.AnswerAsync(factory, handTokens[a.Social], SurveyCalls.Partner(a.Transport));

        using var manager = factory.ClientWith(a.ManagerKey);
        var closed = (await manager.PostAsync("mutation($id: ID!) { closeSurvey(id: $id) { status closedAt } }", new { id = byHand }))["data"]!["closeSurvey"]!;
        Assert.Equal("CLOSED", closed["status"]!.GetValue<string>());
        using var late = factory.ClientWith(handTokens[a.Culture]);
        var refused = await SurveyCalls.TryAsync(late, SurveyCalls.Answer, new { input = new[] { SurveyCalls.Partner(a.Social) } });
        Assert.Equal("SURVEY_CLOSED", SurveyCalls.FirstCode(refused.Body));
        Assert.Equal("SURVEY_CLOSED", SurveyCalls.FirstCode((await SurveyCalls.TryAsync(late, SurveyCalls.Form)).Body));
        var results = await SurveyCalls.ResultsAsync(factory, a, byHand);
        Assert.Equal(0.25, results["responseRate"]!.GetValue<double>());

        // Open through its closing day, closed the day after.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        await SurveyCalls.AnswerAsync(factory, dateTokens[a.Social], SurveyCalls.Partner(a.Culture));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var afterDate = factory.ClientWith(dateTokens[a.Transport]);
        Assert.Equal("SURVEY_CLOSED", SurveyCalls.FirstCode((await SurveyCalls.TryAsync(afterDate, SurveyCalls.Answer, new { input = Array.Empty<object>() })).Body));
        Assert.Equal("CLOSED", (await SurveyCalls.ResultsAsync(factory, a, byDate))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASurveyRepeatedAYearLater_SaysWhatChanged()
    {
        var a = await factory.AddAuthorityAsync("yearly");
        var (first, before) = await SurveyCalls.CreateAsync(factory, a, "Coopérations 2026");
        await SurveyCalls.AnswerAsync(factory, before[a.Social], SurveyCalls.Partner(a.Transport), SurveyCalls.Partner(a.Culture));
        using var manager = factory.ClientWith(a.ManagerKey);
        await manager.PostAsync("mutation($id: ID!) { closeSurvey(id: $id) { id } }", new { id = first });

        factory.Clock.Advance(TimeSpan.FromDays(365));
        var (second, after) = await SurveyCalls.CreateAsync(factory, a, "Coopérations 2027");
        await SurveyCalls.AnswerAsync(factory, after[a.Social], SurveyCalls.Partner(a.Transport), SurveyCalls.Partner(a.Education));

        var changes = (await manager.PostAsync(
            "query($id: ID!) { survey(id: $id) { previous { id } changes { previous { id } appeared { source { id } target { id } } noLongerDeclared { source { id } target { id } } } } }",
            new { id = second }))["data"]!["survey"]!;
        Assert.Equal(first, changes["previous"]!["id"]!.GetValue<string>());
        static string Pair(JsonNode p) => $"{p["source"]!["id"]!.GetValue<string>()}|{p["target"]!["id"]!.GetValue<string>()}";
        Assert.Equal([$"{a.Education}|{a.Social}"], changes["changes"]!["appeared"]!.AsArray().Select(p => Pair(p!)));
        Assert.Equal([$"{a.Culture}|{a.Social}"], changes["changes"]!["noLongerDeclared"]!.AsArray().Select(p => Pair(p!)));

        // Transversality then and now, each on its own survey's links.
        var then = await SurveyCalls.TransversalityAsync(manager, a.Id, first);
        var now = await SurveyCalls.TransversalityAsync(manager, a.Id, second);
        Assert.Equal(["EDUCATION"], then["siloDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["CULTURE"], now["siloDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(2, now["serviceLinks"]!.GetValue<int>());
        var surveys = (await manager.PostAsync("query($a: ID!) { surveys(authorityId: $a) { id } }", new { a = a.Id }))["data"]!["surveys"]!.AsArray();
        Assert.Equal([second, first], surveys.Select(s => s!["id"]!.GetValue<string>()));
    }
}

/// <summary>The form's search: public actors by name, by SIREN, by the commune they are in; never private ones.</summary>
public sealed class SurveyCandidateTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task Candidates_ArePublicActors_FoundByName_Siren_OrCommune()
    {
        var a = await factory.AddAuthorityAsync("candidates");
        var store = factory.Services.GetRequiredService<CoopGraph.Graph.IGraphStore>();
        var written = await store.WriteAsync(new GraphBatch
        {
            Nodes =
            [
                new NodeUpsert(new Territory { Id = "terr:quimperle", Code = "29233", Name = "Quimperlé", Level = TerritoryLevel.Commune }, ["t"]),
                new NodeUpsert(new SseActor { Id = "siren:512345678", Name = "Ressourcerie Kerlouan", LegalForm = LegalForm.Association, Siren = "512345678" }, ["r"])
                {
                    Relations = [new RelationSet(LinkType.LocatedIn, "territoryCode", ["29233"], RefsAreTerritoryCodes: true)],
                },
                new NodeUpsert(new SseActor { Id = "sse:ressourcerie-privee", Name = "Ressourcerie interne", LegalForm = LegalForm.Association, PrivateTo = a.Id }, ["p"]),
            ],
        }, CancellationToken.None);
        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));
        var (_, tokens) = await SurveyCalls.CreateAsync(factory, a, "Recherche");
        using var respondent = factory.ClientWith(tokens[a.Social]);

        async Task<string[]> FindAsync(string text, string? territoryCode = null) =>
            (await respondent.PostAsync("query($t: String!, $c: String) { surveyForm { candidates(text: $t, territoryCode: $c) { id } } }", new { t = text, c = territoryCode }))
                ["data"]!["surveyForm"]!["candidates"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToArray();

        Assert.Equal(["siren:512345678"], await FindAsync("Kerlouan"));
        Assert.Equal(["siren:512345678"], await FindAsync("512 345 678"));
        Assert.Contains("siren:512345678", await FindAsync("Quimperlé"));
        Assert.Equal(["siren:512345678"], await FindAsync("Kerlouan", "29233"));
        Assert.Empty(await FindAsync("Vélo", "29233"));
    }

    [Fact]
    public async Task TheForm_ListsColleaguesByDirection()
    {
        var a = await factory.AddAuthorityAsync("directions");
        var store = factory.Services.GetRequiredService<CoopGraph.Graph.IGraphStore>();
        var unit = new Service { Id = "svc:directions-insertion", Name = "Service insertion", Domain = PolicyDomain.Employment, DirectionId = a.Social, PrivateTo = a.Id };
        var written = await store.WriteAsync(new GraphBatch
        {
            Nodes = [new NodeUpsert(unit, ["u"]) { Relations = [new RelationSet(LinkType.PartOf, "authorityId", [a.Id])] }],
        }, CancellationToken.None);
        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));
        var (_, tokens) = await SurveyCalls.CreateAsync(factory, a, "Par direction");
        using var respondent = factory.ClientWith(tokens[a.Transport]);

        var groups = (await respondent.PostAsync("{ surveyForm { colleagueGroups { direction { id } services { id } } } }"))["data"]!["surveyForm"]!["colleagueGroups"]!.AsArray();

        Assert.Equal(2, groups.Count);
        Assert.Equal(a.Social, groups[0]!["direction"]!["id"]!.GetValue<string>());
        Assert.Equal([a.Social, unit.Id], groups[0]!["services"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Null(groups[1]!["direction"]);
        Assert.Equal([a.Culture, a.Education], groups[1]!["services"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        using var manager = factory.ClientWith(a.ManagerKey);
        Assert.Equal(a.Social, (await manager.PostAsync("{ actor(id: \"svc:directions-insertion\") { ... on Service { direction { id } } } }"))["data"]!["actor"]!["direction"]!["id"]!.GetValue<string>());
    }
}
