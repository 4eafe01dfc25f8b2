using System.Net;
using CoopGraph.Api.Commands;
using CoopGraph.Graph.Access;

namespace CoopGraph.Api.Tests.Surveys;

/// <summary>An invitation token reads its form and answers for its service, nothing else; other authorities see nothing.</summary>
public sealed class SurveyConfinementTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Theory]
    [InlineData("{ actors { totalCount } }")]
    [InlineData("{ node(id: \"auth:confined\") { id } }")]
    [InlineData("{ surveys(authorityId: \"auth:confined\") { id } }")]
    [InlineData("{ __schema { types { name } } }")]
    [InlineData("{ surveyForm { service { id } } graphStats { nodes } }")]
    [InlineData("query { ...F } fragment F on Query { search(text: \"velo\") { id } }")]
    [InlineData("mutation { upsertActors(input: []) { ids } }")]
    [InlineData("mutation { closeSurvey(id: \"survey:x\") { id } }")]
    [InlineData("mutation { createSurvey(input: { authorityId: \"auth:confined\", title: \"t\" }) { errors { code } } }")]
    public async Task AToken_IsRefusedEveryOperationButItsForm(string operation)
    {
        var (_, tokens, a) = await SurveyAsync("confined");
        using var respondent = factory.ClientWith(tokens[a.Social]);
        var (status, body) = await SurveyCalls.TryAsync(respondent, operation);
        Assert.Equal(403, status);
        Assert.Equal("FORBIDDEN", SurveyCalls.FirstCode(body));
    }

    [Fact]
    public async Task AToken_ReadsNoneOfTheAuthoritysOtherPrivateData()
    {
        var (survey, tokens, a) = await SurveyAsync("walls");
        await SurveyCalls.AnswerAsync(factory, tokens[a.Transport], SurveyCalls.Partner(a.Culture), SurveyCalls.Partner(a.Velo));
        using var respondent = factory.ClientWith(tokens[a.Social]);

        // The survey's results are the managers'.
        var results = await SurveyCalls.TryAsync(respondent, "{ surveyForm { survey { responseRate respondents { declared } } } }");
        Assert.Equal("FORBIDDEN", SurveyCalls.FirstCode(results.Body));
        // Colleagues are listed, but their links (private, from another service's answers) are not the respondent's to read.
        var colleagues = await SurveyCalls.TryAsync(respondent,
            "query($t: String!) { surveyForm { colleagues { id links { totalCount } } candidates(text: $t) { id links(types: [COOPERATES_WITH]) { totalCount } } } }",
            new { t = $"Vélo solidaire {a.Prefix}" });
        Assert.Null(colleagues.Body["errors"]);
        Assert.All(colleagues.Body["data"]!["surveyForm"]!["colleagues"]!.AsArray(), c => Assert.Equal(0, c!["links"]!["totalCount"]!.GetValue<int>()));
        var candidates = colleagues.Body["data"]!["surveyForm"]!["candidates"]!.AsArray();
        Assert.Equal([a.Velo], candidates.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(0, candidates[0]!["links"]!["totalCount"]!.GetValue<int>());

        // Private actors of the authority that the form does not propose are as if missing, and so are other services' new partners.
        var hidden = await SurveyCalls.AnswerAsync(factory, tokens[a.Social], SurveyCalls.Partner(a.Hidden));
        Assert.Equal("NOT_FOUND", hidden["errors"]![0]!["code"]!.GetValue<string>());
        var added = await SurveyCalls.AnswerAsync(factory, tokens[a.Culture], new
        {
            newPartner = new { id = "partner:walls-repair", kind = "SSE_ACTOR", name = "Repair café", legalForm = "ASSOCIATION" }, kind = "NETWORK", intensity = 2,
        });
        Assert.Empty(added["errors"]!.AsArray());
        var othersPartner = await SurveyCalls.AnswerAsync(factory, tokens[a.Social], SurveyCalls.Partner("partner:walls-repair"));
        Assert.Equal("NOT_FOUND", othersPartner["errors"]![0]!["code"]!.GetValue<string>());
        var taken = await SurveyCalls.AnswerAsync(factory, tokens[a.Social], new
        {
            newPartner = new { id = "partner:walls-repair", kind = "SSE_ACTOR", name = "Autre", legalForm = "ASSOCIATION" }, kind = "NETWORK", intensity = 2,
        });
        Assert.Equal("CONFLICT", taken["errors"]![0]!["code"]!.GetValue<string>());
        var notAPartnerKind = await SurveyCalls.AnswerAsync(factory, tokens[a.Social], new
        {
            newPartner = new { id = "partner:walls-svc", kind = "SERVICE", name = "Service", domain = "SOCIAL", authorityId = a.Id }, kind = "NETWORK", intensity = 2,
        });
        Assert.Equal("INVALID_VALUE", notAPartnerKind["errors"]![0]!["code"]!.GetValue<string>());

        // The new partner exists, private to the authority: its manager sees it, the public does not.
        using var manager = factory.ClientWith(a.ManagerKey);
        Assert.Equal(a.Id, (await manager.PostAsync("{ actor(id: \"partner:walls-repair\") { privateTo { id } } }"))["data"]!["actor"]!["privateTo"]!["id"]!.GetValue<string>());
        using var anonymous = factory.CreateClient();
        Assert.Null((await anonymous.PostAsync("{ actor(id: \"partner:walls-repair\") { id } }"))["data"]!["actor"]);
        Assert.NotNull(survey);
    }

    [Fact]
    public async Task OtherAuthorities_AndTheirKeys_SeeNothingOfASurvey()
    {
        var (survey, tokens, a) = await SurveyAsync("secret");
        var b = await factory.AddAuthorityAsync("neighbour");
        await SurveyCalls.AnswerAsync(factory, tokens[a.Social], SurveyCalls.Partner(a.Velo));

        foreach (var key in new[] { b.ManagerKey, await factory.KeyAsync("secret-unbound", ApiScopes.Read | ApiScopes.Write, null), null })
        {
            using var other = factory.ClientWith(key);
            var seen = await other.PostAsync(
                "query($id: ID!, $a: ID!, $v: ID!) { survey(id: $id) { id } node(id: $id) { id } surveys(authorityId: $a) { id } actor(id: $v) { links(types: [COOPERATES_WITH]) { totalCount } } }",
                new { id = survey, a = a.Id, v = a.Velo });
            Assert.Null(seen["errors"]);
            Assert.Null(seen["data"]!["survey"]);
            Assert.Null(seen["data"]!["node"]);
            Assert.Empty(seen["data"]!["surveys"]!.AsArray());
            Assert.Equal(0, seen["data"]!["actor"]!["links"]!["totalCount"]!.GetValue<int>());
        }
        using var neighbour = factory.ClientWith(b.ManagerKey);
        Assert.Null((await neighbour.PostAsync("mutation($id: ID!) { closeSurvey(id: $id) { id } }", new { id = survey }))["data"]!["closeSurvey"]);
        var create = (await neighbour.PostAsync(SurveyCalls.Create, new { input = new { authorityId = a.Id, title = "Intrus" } }))["data"]!["createSurvey"]!;
        Assert.Equal("FORBIDDEN", create["errors"]![0]!["code"]!.GetValue<string>());
        using var manager = factory.ClientWith(a.ManagerKey);
        Assert.Equal(survey, (await manager.PostAsync("query($id: ID!) { node(id: $id) { id ... on Survey { title } } }", new { id = survey }))["data"]!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownAndReplacedTokens_AreUnauthenticated_AndTheCommandLineReissuesOne()
    {
        var (survey, tokens, a) = await SurveyAsync("reissue");
        using var unknown = factory.ClientWith("sv_" + new string('x', 43));
        Assert.Equal(401, (await SurveyCalls.TryAsync(unknown, SurveyCalls.Form)).Status);

        using var output = new StringWriter();
        var exit = await SurveyCommand.RunAsync(
            ["reissue", "--survey", survey, "--service", a.Social, "--url", "https://coop.example.org", "--Graph:Embedded:Path", factory.DatabasePath], output, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, exit);
        var link = output.ToString().Trim().Split('\n')[^1].Trim();
        Assert.StartsWith("https://coop.example.org/survey/sv_", link, StringComparison.Ordinal);
        var fresh = link[(link.LastIndexOf('/') + 1)..];

        using var old = factory.ClientWith(tokens[a.Social]);
        Assert.Equal(401, (await SurveyCalls.TryAsync(old, SurveyCalls.Form)).Status);
        using var renewed = factory.ClientWith(fresh);
        var form = await SurveyCalls.TryAsync(renewed, SurveyCalls.Form);
        Assert.Equal(200, form.Status);
        Assert.Equal(a.Social, form.Body["data"]!["surveyForm"]!["service"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATokenReadsNoExport_AndTheSurveyPageIsServedAtItsLink()
    {
        var (_, tokens, a) = await SurveyAsync("export");
        using var respondent = factory.ClientWith(tokens[a.Social]);
        using var export = await respondent.GetAsync("/api/export");
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        using var page = await factory.CreateClient().GetAsync($"/survey/{tokens[a.Social]}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task TheCommandLine_CreatesASurvey_WithAnInvitationFileForAMailMerge()
    {
        var a = await factory.AddAuthorityAsync("mailmerge");
        var file = Path.Combine(Path.GetTempPath(), $"invitations-{Guid.NewGuid():N}.csv");
        try
        {
            using var output = new StringWriter();
            var exit = await SurveyCommand.RunAsync(
                ["create", "--authority", a.Id, "--title", "Enquête coopération", "--closes", "2026-12-31", "--out", file, "--url", "https://coop.example.org/",
                 "--Graph:Embedded:Path", factory.DatabasePath], output, TextWriter.Null, CancellationToken.None);
            Assert.Equal(0, exit);
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal("service_id,service_name,link", lines[0].TrimStart('\uFEFF'));
            Assert.Equal(5, lines.Length);
            var social = lines.Single(l => l.StartsWith(a.Social + ",", StringComparison.Ordinal)).Split(',');
            Assert.Equal("Direction social mailmerge", social[1]);
            using var respondent = factory.ClientWith(social[2][(social[2].LastIndexOf('/') + 1)..]);
            var form = await respondent.PostAsync(SurveyCalls.Form);
            Assert.Equal("Enquête coopération", form["data"]!["surveyForm"]!["survey"]!["title"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<(string Survey, Dictionary<string, string> Tokens, TestAuthority Authority)> SurveyAsync(string prefix)
    {
        var a = await factory.AddAuthorityAsync(prefix + "-" + Guid.NewGuid().ToString("N")[..6]);
        var (survey, tokens) = await SurveyCalls.CreateAsync(factory, a, "Avec qui travaillez-vous ?");
        return (survey, tokens, a);
    }
}
