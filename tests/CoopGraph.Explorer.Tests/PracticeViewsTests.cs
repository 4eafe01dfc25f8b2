using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>The practitioners' pages: a lab's two feet, opened from its panel; a policy's spread among a région's lycées.</summary>
public sealed class PracticeViewsTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [BrowserFact]
    public async Task A_labs_panel_opens_its_two_feet_and_Back_returns_to_the_network()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var balance = (await server.QueryAsync("query($d: Date!) { labBalance(labId: \"lab:fabrique\", asOf: $d) { inside outside insideShare } }", new { d = today }))["labBalance"]!;
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:region");
        var page = session.Page;
        await session.WaitForNetworkAsync();
        await page.GetByText("Nodes in view").ClickAsync();
        await page.GetByTestId("node-list").GetByRole(AriaRole.Button, new() { Name = "La Fabrique régionale, laboratoire d'innovation publique" }).ClickAsync();
        await page.GetByTestId("open-lab").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("lab=lab%3Afabrique"));
        var (inside, outside) = ((int)balance["inside"]!, (int)balance["outside"]!);
        await Expect(page.GetByTestId("lab-view").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("La Fabrique régionale, laboratoire d'innovation publique: one foot inside, one foot outside");
        await Expect(page.GetByTestId("lab-inside-share").Locator(".value")).ToHaveTextAsync($"{Math.Round((double)balance["insideShare"]! * 100)}%");
        await Expect(page.GetByTestId("lab-inside-share")).ToContainTextAsync($"{inside} inside, {outside} outside");
        await Expect(page.GetByTestId("lab-inside-list").Locator("li")).ToHaveCountAsync(inside);
        await Expect(page.GetByTestId("lab-outside-list").Locator("li")).ToHaveCountAsync(outside);
        await Expect(page.GetByTestId("lab-two-feet").Locator("[data-testid=lab-inside-partner]")).ToHaveCountAsync(inside);
        await Expect(page.GetByTestId("lab-decision")).ToHaveTextAsync("It works with no decision-making body of its host.");
        await Expect(page.GetByTestId("lab-trend").Locator("tbody tr").First).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
        await session.FinishAsync("lab-two-feet");

        await page.GoBackAsync();
        await Expect(page.GetByTestId("lab-view")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("network")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_lab_that_drifted_inside_shows_it_year_by_year()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?lab=lab:usagers");
        var rows = session.Page.GetByTestId("lab-trend").Locator("tbody tr");
        // The demo's Labo des usagers, founded in 2019 with researchers and a neighbourhood association, has only its
        // département's services and one association left from 2023.
        await Expect(rows.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2019\\s*0\\s*2\\s*0%$"));
        await Expect(rows.Filter(new() { HasText = "2023" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2023\\s*3\\s*1\\s*75%$"));
        await Expect(session.Page.GetByTestId("lab-inside-share").Locator(".value")).ToHaveTextAsync("75%");
        await session.FinishAsync("lab-drifted-inside");
    }

    [BrowserFact]
    public async Task A_policys_spread_shows_the_regions_lycees_by_territory_and_who_took_it_up()
    {
        // The demo's "Lycées coopératifs et solidaires": 4 of the région's 10 lycées reached, 3 engaged, one with an association.
        await using var session = await ExplorerSession.OpenAsync(server, "/?reach=pol:region-lycees");
        var page = session.Page;
        await Expect(page.GetByTestId("reach-view").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Lycées coopératifs et solidaires: how far it has spread");
        await Expect(page.GetByTestId("reach-share").Locator(".value")).ToHaveTextAsync("40%");
        await Expect(page.GetByTestId("reach-share")).ToContainTextAsync("4 of 10");
        await Expect(page.GetByTestId("reach-engaged").Locator(".value")).ToHaveTextAsync("3");
        var grid = page.GetByTestId("reach-grid");
        await Expect(grid.Locator(".reach-place")).ToHaveCountAsync(6);
        await Expect(grid.Locator("[data-state=engaged-sse]")).ToHaveCountAsync(1);
        await Expect(grid.Locator("[data-state=engaged]")).ToHaveCountAsync(2);
        await Expect(grid.Locator("[data-state=reached]")).ToHaveCountAsync(1);
        await Expect(grid.Locator("[data-state=not-reached]")).ToHaveCountAsync(6);
        await Expect(grid.GetByRole(AriaRole.Button, new() { Name = "Lycée Jean-Moulin: engaged with an SSE organisation" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reach-adoption").Locator("tbody tr")).ToHaveCountAsync(3);
        await AssertNoViolationsAsync(page);
        await session.FinishAsync("reach-lycees");

        // The same page in French: the words of the grid and of the figures.
        await page.GotoAsync("/?reach=pol:region-lycees&lang=fr");
        await Expect(page.GetByTestId("reach-share").Locator(".value")).ToHaveTextAsync("40\u202f%");
        await Expect(grid.GetByRole(AriaRole.Button, new() { Name = "Lycée des Monts\u00a0: non touché" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_policys_panel_says_which_beneficiaries_it_involved_and_when()
    {
        // The demo: the city's participatory budget involved its tenants from the reframing of the problem; Monts-du-Sud
        // asks its isolated elderly people once its solidarity plan runs.
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa&focus=pol:city-participatory-budget&lang=fr");
        var involvement = session.Page.GetByTestId("side-panel-involvement");
        await Expect(involvement.Locator("li")).ToHaveCountAsync(2);
        await Expect(involvement.Locator("li").First).ToHaveTextAsync("Reformulation du problème\u00a0: Locataires du quartier Bel-Air · depuis 2020");
        await Expect(involvement.Locator("li").Nth(1)).ToHaveTextAsync("Conception\u00a0: Locataires du quartier Bel-Air · depuis 2021");
        await session.FinishAsync("policy-involvement");

        await session.Page.GotoAsync("/?authority=auth:dep-ms&focus=pol:depms-solidarity-plan&lang=en");
        await Expect(involvement.Locator("li")).ToHaveTextAsync(["Evaluation: Personnes âgées isolées du Haut-Pays · since 2024"]);
    }

    [BrowserFact]
    public async Task The_dashboard_asks_whether_instruments_make_actors_cooperate_and_whether_users_come_in_upstream()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-vc");
        var page = session.Page;
        // The demo's food-aid call: two of its applicants' partnerships ended the year before it opened.
        var calls = page.GetByTestId("instruments").Locator("tr", new() { HasText = "Calls for projects" });
        await Expect(calls).ToContainTextAsync("Appel à projets « Aide alimentaire de proximité » 2023: -33 points");
        await session.FinishAsync("instruments");

        // Monts-du-Sud asks its isolated elderly people only once its plans run.
        await page.GotoAsync("/?authority=auth:dep-ms");
        var participation = (await server.QueryAsync("""{ participation(scope: { authorityId: "auth:dep-ms" }) { policies upstream evaluationOnly } }"""))["participation"]!;
        Assert.Equal((0, 2), ((int)participation["upstream"]!, (int)participation["evaluationOnly"]!));
        await Expect(page.GetByTestId("participation")).ToHaveTextAsync($"0 of {(int)participation["policies"]!} policies involve their users before deployment; 2 only at evaluation.");
    }
}
