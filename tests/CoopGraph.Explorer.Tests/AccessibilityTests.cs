using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoopGraph.Explorer.Tests;

/// <summary>axe-core, the accessibility engine, finds no violation on the pages people use.</summary>
public sealed class AccessibilityTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var found = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [BrowserFact]
    public async Task TheExplorer_HasNoAccessibilityViolation()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa");
        await session.WaitForNetworkAsync();
        await AssertNoViolationsAsync(session.Page);
        await session.FinishAsync("axe-explorer");
    }

    [BrowserFact]
    public async Task ATerritorysView_HasNoAccessibilityViolation()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?territory=terr:d97&lang=fr");
        await Microsoft.Playwright.Assertions.Expect(session.Page.GetByTestId("territory-network")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(session.Page.GetByTestId("territory-gaps")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(session.Page);
        await session.FinishAsync("axe-territory");
    }

    [BrowserFact]
    public async Task TheSurveyPage_HasNoAccessibilityViolation()
    {
        var key = await server.Services.GetRequiredService<CoopGraph.Graph.Access.IApiKeyStore>().CreateAsync(
            "axe-survey", CoopGraph.Graph.Access.ApiScopes.Read | CoopGraph.Graph.Access.ApiScopes.Write, false, "auth:city-sa", CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                query = "mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { invitations { url } } }",
                variables = new { i = new { authorityId = "auth:city-sa", title = "Accessibilité" } },
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await server.Api.SendAsync(request);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var link = new Uri((string)body["data"]!["createSurvey"]!["invitations"]![0]!["url"]!).AbsolutePath;

        await using var session = await ExplorerSession.OpenAsync(server, link, o => o.Locale = "fr-FR");
        await Microsoft.Playwright.Assertions.Expect(session.Page.GetByTestId("service-name")).ToBeVisibleAsync();
        await session.Page.GetByTestId("not-found").ClickAsync();
        await AssertNoViolationsAsync(session.Page);
        await session.FinishAsync("axe-survey");
    }

    [BrowserFact]
    public async Task TheSidePanelAndTheFrenchPage_HaveNoAccessibilityViolation()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms&lang=fr&focus=sse%3Acinema-rural");
        await session.WaitForNetworkAsync();
        await Microsoft.Playwright.Assertions.Expect(session.Page.GetByTestId("side-panel")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(session.Page);
        await session.FinishAsync("axe-french-panel");
    }
}
