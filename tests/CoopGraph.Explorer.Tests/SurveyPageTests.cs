using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopGraph.Graph.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// A cooperation survey in the browser: a respondent answers on a phone from the invitation link, comes back and
/// changes an answer; then the manager, signed in, sees the response rate, reciprocity, and the dashboard on the
/// survey's links.
/// </summary>
public sealed class SurveyPageTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    private const string Authority = "auth:dep-ms";

    private async Task<JsonNode> AsAsync(string bearer, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await server.Api.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }

    private static Action<BrowserNewContextOptions> Phone => o =>
    {
        o.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        o.IsMobile = true;
        o.HasTouch = true;
        o.Locale = "fr-FR";
    };

    [BrowserFact]
    public async Task ARespondentAnswersOnAPhone_AndTheManagerSeesTheResults()
    {
        var key = await server.Services.GetRequiredService<IApiKeyStore>().CreateAsync("dgs-survey", ApiScopes.Read | ApiScopes.Write, false, Authority, CancellationToken.None);
        var services = (await server.QueryAsync($$"""{ actor(id: "{{Authority}}") { ... on Authority { services { id name } } } }"""))["actor"]!["services"]!.AsArray();
        var (respondent, respondentName) = ((string)services[0]!["id"]!, (string)services[0]!["name"]!);
        var (colleague, colleagueName) = ((string)services[1]!["id"]!, (string)services[1]!["name"]!);
        var association = (await server.QueryAsync("{ actors(filter: { kinds: [SSE_ACTOR] }, first: 1) { nodes { id name } } }"))["actors"]!["nodes"]![0]!;
        var created = (await AsAsync(key, "mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { survey { id } invitations { service { id } url } errors { message } } }",
            new { i = new { authorityId = Authority, title = "Avec qui travaillez-vous ?" } }))["createSurvey"]!;
        var survey = (string)created["survey"]!["id"]!;
        var links = created["invitations"]!.AsArray().ToDictionary(i => (string)i!["service"]!["id"]!, i => new Uri((string)i!["url"]!).AbsolutePath);

        await using (var phone = await ExplorerSession.OpenAsync(server, links[respondent], Phone))
        {
            var page = phone.Page;
            await Expect(page.GetByTestId("service-name")).ToHaveTextAsync(respondentName);
            // A colleague, found with the filter and ticked.
            await page.GetByTestId("colleague-filter").FillAsync(colleagueName[..Math.Min(8, colleagueName.Length)]);
            await page.GetByTestId("colleagues").GetByLabel(colleagueName).CheckAsync();
            // An existing association, by type-ahead.
            await page.GetByTestId("partner-search").FillAsync((string)association["name"]!);
            await page.GetByTestId("candidates").GetByRole(AriaRole.Button, new() { Name = (string)association["name"]! }).First.ClickAsync();
            // A partner the graph does not know.
            await page.GetByTestId("not-found").ClickAsync();
            await page.GetByTestId("new-name").FillAsync("Repair café de la vallée");
            await page.GetByTestId("add-partner").ClickAsync();
            var createAnyway = page.GetByTestId("create-anyway");
            if (await createAnyway.IsVisibleAsync())
            {
                await createAnyway.ClickAsync();
            }
            await Expect(page.GetByTestId("answers").Locator("> li")).ToHaveCountAsync(3);
            // Nothing sent yet: the draft on the device survives a reload.
            await page.ReloadAsync();
            await Expect(page.GetByText("Votre brouillon a été repris.")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("answers").Locator("> li")).ToHaveCountAsync(3);
            await page.GetByTestId("submit").ClickAsync();
            await Expect(page.GetByTestId("survey-status")).ToContainTextAsync("Réponses enregistrées");
            await phone.FinishAsync("survey-phone-sent");

            // Back later: the answers are there; one changes, and is sent again.
            await page.ReloadAsync();
            await Expect(page.GetByTestId("answers").Locator("> li")).ToHaveCountAsync(3);
            await page.Locator($"[data-partner='{colleague}'] [data-testid=frequency]").SelectOptionAsync("5");
            await page.GetByTestId("submit").ClickAsync();
            await Expect(page.GetByTestId("survey-status")).ToContainTextAsync("Réponses enregistrées");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"The page is {width} px wide on a 390 px phone.");
            await phone.FinishAsync("survey-phone-changed");
        }

        var declared = (await AsAsync(key, "query($id: ID!) { actor(id: $id) { links(types: [COOPERATES_WITH]) { nodes { source { id } target { id } intensity origin } } } }",
            new { id = respondent }))["actor"]!["links"]!["nodes"]!.AsArray().Where(l => (string?)l!["origin"] == survey).ToList();
        Assert.Equal(3, declared.Count);
        Assert.Equal(5, (int)declared.Single(l => (string)l!["source"]!["id"]! == colleague || (string)l!["target"]!["id"]! == colleague)!["intensity"]!);

        // The colleague answers back: their link is confirmed.
        var colleagueToken = links[colleague][(links[colleague].LastIndexOf('/') + 1)..];
        await AsAsync(colleagueToken, "mutation($i: [DeclaredPartnerInput!]!) { answerSurvey(input: $i) { errors { message } } }",
            new { i = new[] { new { partnerId = respondent, kind = "PARTNERSHIP", intensity = 4 } } });
        var expected = (await AsAsync(key, "query($id: ID!, $a: ID!) { survey(id: $id) { responseRate reciprocity } transversality(authorityId: $a, surveyId: $id) { serviceLinks transversalLinks } }",
            new { id = survey, a = Authority }));

        await using var desk = await ExplorerSession.OpenAsync(server, $"/?authority={Authority}");
        var manager = desk.Page;
        await desk.WaitForNetworkAsync();
        await manager.GetByTestId("key").FillAsync(key);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var item = manager.Locator($"[data-survey='{survey}']");
        await Expect(item.GetByTestId("response-rate")).ToHaveTextAsync($"{Math.Round((double)expected["survey"]!["responseRate"]! * 100, MidpointRounding.AwayFromZero)}%");
        await Expect(item.GetByTestId("reciprocity")).ToHaveTextAsync("100%");
        var before = await manager.GetByTestId("link-share").Locator(".detail").TextContentAsync();
        await item.GetByTestId("dashboard-survey").CheckAsync();
        var onSurvey = $"{expected["transversality"]!["transversalLinks"]} transversal links of {expected["transversality"]!["serviceLinks"]}";
        await Expect(manager.GetByTestId("link-share").Locator(".detail")).ToHaveTextAsync(onSurvey);
        Assert.NotEqual(before, onSurvey);
        Assert.Contains($"survey={Uri.EscapeDataString(survey)}", manager.Url, StringComparison.Ordinal);
        await desk.FinishAsync("survey-manager");

        // A second survey: the respondent now declares only the colleague; the manager sees what changed, and the
        // transversal share then and now.
        var again = (await AsAsync(key, "mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { survey { id } invitations { service { id } token } } }",
            new { i = new { authorityId = Authority, title = "Un an après" } }))["createSurvey"]!;
        var second = (string)again["survey"]!["id"]!;
        var secondToken = (string)again["invitations"]!.AsArray().Single(i => (string)i!["service"]!["id"]! == respondent)!["token"]!;
        await AsAsync(secondToken, "mutation($i: [DeclaredPartnerInput!]!) { answerSurvey(input: $i) { errors { message } } }",
            new { i = new[] { new { partnerId = colleague, kind = "PARTNERSHIP", intensity = 3 } } });
        var shares = await AsAsync(key, "query($a: ID!, $then: ID!, $now: ID!) { then: transversality(authorityId: $a, surveyId: $then) { linkShare } now: transversality(authorityId: $a, surveyId: $now) { linkShare } }",
            new { a = Authority, then = survey, now = second });
        await manager.ReloadAsync();
        var latest = manager.Locator($"[data-survey='{second}']");
        await Expect(latest.GetByTestId("survey-changes")).ToHaveTextAsync("+0 new pairs, −2 pairs no longer declared");
        await Expect(latest.GetByTestId("survey-then-now")).ToHaveTextAsync(
            $"{Math.Round((double)shares["then"]!["linkShare"]! * 100, MidpointRounding.AwayFromZero)}% → {Math.Round((double)shares["now"]!["linkShare"]! * 100, MidpointRounding.AwayFromZero)}%");
        await desk.FinishAsync("survey-changes");
    }
}
