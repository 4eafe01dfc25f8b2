using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// What a general manager does in the explorer, in a real browser against the real API on the demo data. Each
/// figure the page shows is compared with what the API answers to the same question.
/// </summary>
public sealed class ExplorerTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    [BrowserFact]
    public async Task Arrival_ShowsTheMostCooperativeAuthority_AndItsNetwork_BeforeAnyChoice()
    {
        var top = (string)(await server.QueryAsync("{ authorityRanking(first: 1) { authority { name } } }"))["authorityRanking"]![0]!["authority"]!["name"]!;
        await using var session = await ExplorerSession.OpenAsync(server, "/");

        var (nodes, edges, _) = await session.WaitForNetworkAsync();

        Assert.True(nodes > 3 && edges > 3, $"{nodes} nodes, {edges} links");
        await Expect(session.Page.GetByTestId("ranking").Locator("li").First).ToContainTextAsync(top);
        await Expect(session.Page.Locator("#dashboard-title")).ToContainTextAsync(top);
        await Expect(session.Page.GetByTestId("heatmap")).ToBeVisibleAsync();
        await session.FinishAsync("arrival");
    }

    [BrowserFact]
    public async Task SwitchingAuthorityOrYear_ShowsExactlyTheNetworkAReloadShows()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms");
        var page = session.Page;
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Monts-du-Sud");
        await session.WaitForNetworkAsync();
        // Its gaps are drawn too: their ends are what a switch used to leave behind.
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=network]')?.dataset.gapEdges) > 0");

        await page.GetByTestId("ranking").GetByRole(AriaRole.Button, new() { Name = "Département de la Vallée-Claire" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("authority=auth%3Adep-vc"));
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Vallée-Claire");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=network]')?.dataset.gapEdges) > 0");
        var switched = await session.WaitForNetworkAsync();
        // A year and back: the gaps are asked again for each day, and those of the year must not stay behind.
        var slider = page.GetByTestId("year-slider");
        await slider.FocusAsync();
        await slider.PressAsync("Home");
        await Expect(page).ToHaveURLAsync(new Regex("year="));
        await session.WaitForNetworkAsync();
        await slider.PressAsync("End");
        await Expect(page).Not.ToHaveURLAsync(new Regex("year="));
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=network]')?.dataset.gapEdges) > 0");
        var backToToday = await session.WaitForNetworkAsync();

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=network]')?.dataset.gapEdges) > 0");
        var reloaded = await session.WaitForNetworkAsync();

        Assert.Equal(reloaded, switched);
        Assert.Equal(reloaded, backToToday);
        await session.FinishAsync("switched-authority");
    }

    [BrowserFact]
    public async Task PickingAnAuthority_WithTheKeyboard_ShowsItsFiguresHeatmapAndNetwork()
    {
        var report = (await server.QueryAsync("""{ transversality(authorityId: "auth:dep-ms") { linkShare domainPairs coveredDomainPairs siloDomains eiIndex serviceLinks transversalLinks matrix { a } } }"""))["transversality"]!;
        await using var session = await ExplorerSession.OpenAsync(server, "/");
        await session.WaitForNetworkAsync();

        var picker = session.Page.GetByTestId("authority-picker").GetByRole(AriaRole.Combobox);
        await picker.FillAsync("Monts-du-Sud");
        await Expect(session.Page.GetByRole(AriaRole.Option, new() { Name = "Département des Monts-du-Sud" })).ToBeVisibleAsync();
        await picker.PressAsync("Enter");

        await Expect(session.Page).ToHaveURLAsync(new Regex("authority=auth%3Adep-ms"));
        await Expect(session.Page.Locator("#dashboard-title")).ToContainTextAsync("Département des Monts-du-Sud");
        var share = Math.Round((double)report["linkShare"]! * 100).ToString(CultureInfo.InvariantCulture) + "%";
        await Expect(session.Page.GetByTestId("link-share")).ToContainTextAsync(share);
        await Expect(session.Page.GetByTestId("summary")).ToContainTextAsync($"{share} of its services' cooperation links cross policy domains");
        await Expect(session.Page.GetByTestId("coverage")).ToContainTextAsync($"{report["coveredDomainPairs"]} of {report["domainPairs"]}");
        var (across, all) = ((int)report["transversalLinks"]!, (int)report["serviceLinks"]!);
        await Expect(session.Page.GetByTestId("ei-index").Locator(".value")).ToHaveTextAsync(((double)report["eiIndex"]!).ToString("0.00", CultureInfo.InvariantCulture));
        await Expect(session.Page.GetByTestId("ei-index")).ToContainTextAsync($"{across} across domains, {all - across} within a domain");
        // The matrix is drawn both ways round: two cells per domain pair.
        await Expect(session.Page.GetByTestId("heatmap").Locator("td.covered, td.uncovered")).ToHaveCountAsync(2 * report["matrix"]!.AsArray().Count);
        await Expect(session.Page.GetByTestId("silos").Locator("li")).ToHaveCountAsync(report["siloDomains"]!.AsArray().Count);
        var (nodes, _, _) = await session.WaitForNetworkAsync();
        Assert.True(nodes > 5);
        // The choice closed the suggestions, and they stay closed once the page has settled.
        await Expect(session.Page.GetByTestId("authority-picker").GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await Expect(picker).ToHaveAttributeAsync("aria-expanded", "false");
        await session.FinishAsync("authority-dashboard");
    }

    [BrowserFact]
    public async Task ClickingANode_OpensItsPanel_AndExpandingItAddsItsNeighbours()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms");
        var before = await session.WaitForNetworkAsync();

        await session.Page.GetByText("Nodes in view").ClickAsync();
        await session.Page.GetByTestId("node-list").GetByRole(AriaRole.Button, new() { Name = "Cinéma itinérant des Monts" }).ClickAsync();

        var panel = session.Page.GetByTestId("side-panel");
        await Expect(panel.GetByTestId("side-panel-name")).ToHaveTextAsync("Cinéma itinérant des Monts");
        await Expect(panel.GetByTestId("side-panel-kind")).ToContainTextAsync("SSE organisation");
        await Expect(panel.GetByTestId("side-panel-links").Locator("li").First).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync(new Regex("focus=sse%3A"));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Show its neighbours" }).ClickAsync();
        await session.Page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=network]').dataset.edges) > n", before.Edges);
        await Expect(session.Page.GetByTestId("nothing-new")).ToHaveCountAsync(0);
        // Asked again, its neighbours are all there already: the page says so rather than doing nothing.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Show its neighbours" }).ClickAsync();
        await Expect(session.Page.GetByTestId("nothing-new")).ToHaveTextAsync("Nothing new: every neighbour of Cinéma itinérant des Monts is already shown.");
        await session.FinishAsync("node-panel");

        // Its own network: the actor's neighbourhood, without the authority's gaps; Escape closes the panel.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Explore its network" }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new Regex("root=sse%3A"));
        await session.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=network]').dataset.gapEdges === '0'");
        var own = await session.WaitForNetworkAsync();
        Assert.True(own.Nodes < before.Nodes, $"{own.Nodes} nodes in the actor's network, {before.Nodes} in the authority's");
        await panel.PressAsync("Escape");
        await Expect(panel).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Gaps_AreDrawnAsSuggestedLinks_AndCanBeToggled_WithTheChoiceKeptInTheAddress()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-vc");
        await session.Page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=network]')?.dataset.gapEdges) > 0");

        await session.Page.GetByTestId("toggle-gaps").UncheckAsync();

        await session.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=network]').dataset.gapEdges === '0'");
        await Expect(session.Page).ToHaveURLAsync(new Regex("gaps=0"));
        await session.Page.ReloadAsync();
        await session.WaitForNetworkAsync();
        await Expect(session.Page.GetByTestId("toggle-gaps")).Not.ToBeCheckedAsync();
        Assert.Equal(0, (await session.NetworkCountsAsync()).Gaps);
        var reasons = session.Page.GetByTestId("gaps").Locator(".reasons li");
        await Expect(reasons.First).ToContainTextAsync(new Regex("^Both "));
        await session.FinishAsync("gaps-off");
    }

    [BrowserFact]
    public async Task FindingAPath_BetweenTwoActors_ListsTheApisShortestPath()
    {
        var hops = (int)(await server.QueryAsync("""{ path(from: "svc:city-ccas", to: "uni:usa", maxHops: 8) { hops } }"""))["path"]!["hops"]!;
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa");
        await session.WaitForNetworkAsync();

        await session.Page.GetByTestId("path-from").GetByRole(AriaRole.Combobox).FillAsync("Centre communal");
        await session.Page.GetByRole(AriaRole.Option, new() { Name = "Centre communal d'action sociale Service", Exact = true }).ClickAsync();
        await session.Page.GetByTestId("path-to").GetByRole(AriaRole.Combobox).FillAsync("Université de Saint");
        await session.Page.GetByRole(AriaRole.Option, new() { Name = "Université de Saint-Aubin University or lab · Saint-Aubin-sur-Rive", Exact = true }).ClickAsync();

        var result = session.Page.GetByTestId("path-result");
        await Expect(result).ToContainTextAsync($"Path found: {hops} steps");
        await Expect(result.Locator("li")).ToHaveCountAsync(hops + 1);
        await Expect(session.Page).ToHaveURLAsync(new Regex("from=svc%3Acity-ccas&to=uni%3Ausa"));
        await session.FinishAsync("path");
    }

    [BrowserFact]
    public async Task SwitchingToFrench_TranslatesThePage_AndStaysAfterAReload()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms");
        await Expect(session.Page.Locator("#dashboard-title")).ToContainTextAsync("Transversality");

        await session.Page.GetByTestId("lang-fr").ClickAsync();

        await Expect(session.Page.Locator("#dashboard-title")).ToContainTextAsync("Transversalité");
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(session.Page.GetByTestId("heatmap").Locator("tbody th").First).ToHaveTextAsync("Solidarités");
        await Expect(session.Page.GetByTestId("silos")).ToContainTextAsync("Mobilités");
        await session.Page.ReloadAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Réseau" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("gaps").Locator(".reasons li").First).ToContainTextAsync(new Regex("tous deux|chacun"));
        await session.FinishAsync("french");
    }

    [BrowserFact]
    public async Task TheFrenchPage_WritesAsAFrenchManagerDoes_AndItsCsvOpensInFrenchExcel()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-vc&lang=fr");
        var page = session.Page;
        await session.WaitForNetworkAsync();
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Transversalité\u00a0: ");
        await Expect(page.GetByTestId("link-share").Locator(".value")).ToHaveTextAsync(new Regex("^\\d+\u202f%$"));
        await Expect(page.GetByTestId("link-share").Locator(".detail")).ToHaveTextAsync(new Regex("^\\d+ liens? transversa(l|ux) sur \\d+$"));
        await Expect(page.GetByText("Situation actuelle")).ToBeVisibleAsync();
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Au aujourd", text, StringComparison.Ordinal);
        var spaced = Regex.Matches(text, ".{0,30} [:;?!].{0,10}").Select(m => m.Value).ToList();
        Assert.True(spaced.Count == 0, string.Join(" | ", spaced));
        Assert.DoesNotMatch(new Regex("\\b(DEPARTEMENT|SSE_ACTOR|COOPERATES_WITH)\\b"), text);
        await Expect(page.GetByTestId("gaps").Locator("> li").First).ToBeVisibleAsync();
        // The authority's own directions first, then its partners; each reason with its weight, in French digits.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avec vos directions" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Entre vos partenaires" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("gaps").Locator(".reasons li small").First).ToHaveTextAsync(new Regex("^\\(\\+\\d+,\\d{2}\\)$"));

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("type;id_source;nom_source;id_cible;nom_cible;score;depuis;remarques", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("coopère avec;", StringComparison.Ordinal) && l.EndsWith(";lien transversal", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("coopération suggérée;", StringComparison.Ordinal) && Regex.IsMatch(l, ";\\d+,\\d{3};"));
        await session.FinishAsync("french-typography");
    }

    [BrowserFact]
    public async Task BackAndForward_MoveBetweenViews()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms");
        var page = session.Page;
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Monts-du-Sud");
        await page.GetByTestId("ranking").GetByRole(AriaRole.Button, new() { Name = "Département de la Vallée-Claire" }).ClickAsync();
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Vallée-Claire");
        await page.GetByTestId("lang-fr").ClickAsync();

        await page.GoBackAsync();
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Monts-du-Sud");
        await Expect(page).ToHaveURLAsync(new Regex("authority=auth(%3A|:)dep-ms"));
        await page.GoForwardAsync();
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Vallée-Claire");
        // The language is a display choice: it did not make a history entry of its own, and stays.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await session.FinishAsync("history");
    }

    [BrowserFact]
    public async Task Exports_WriteTheGapsAndLinksAsCsv_AndTheViewAsPng()
    {
        var gaps = (await server.QueryAsync("""{ cooperationGaps(scope: { authorityId: "auth:dep-vc" }, first: 15) { nodes { source { id } } } }"""))["cooperationGaps"]!["nodes"]!.AsArray().Count;
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-vc");
        await session.WaitForNetworkAsync();
        await Expect(session.Page.GetByTestId("gaps").Locator("> li").First).ToBeVisibleAsync();

        var csv = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllLinesAsync((await csv.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal("type,source_id,source_name,target_id,target_name,score,since,notes", lines[0]);
        Assert.Equal(gaps, lines.Count(l => l.StartsWith("GAP,", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("COOPERATES_WITH,", StringComparison.Ordinal) && l.EndsWith(",TRANSVERSAL", StringComparison.Ordinal));
        Assert.Equal("coopgraph-gaps-and-links.csv", csv.SuggestedFilename);

        var png = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByTestId("export-png").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 10_000);
        await session.FinishAsync("exports");
    }

    [BrowserFact]
    public async Task TheYearSlider_ReplaysTheNetwork_AndTheFiguresAsOfThatYear()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-vc");
        var today = await session.WaitForNetworkAsync();

        var slider = session.Page.GetByTestId("year-slider");
        await slider.FocusAsync();
        await slider.PressAsync("Home");

        var year = int.Parse(await session.Page.GetByTestId("year-value").InnerTextAsync(), CultureInfo.InvariantCulture);
        await Expect(session.Page).ToHaveURLAsync(new Regex($"year={year}"));
        await session.Page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=network]').dataset.edges) < n", today.Edges);
        var then = (await server.QueryAsync("query($d: Date) { transversality(authorityId: \"auth:dep-vc\", asOf: $d) { serviceLinks transversalLinks } }",
            new { d = $"{year}-12-31" }))["transversality"]!;
        await Expect(session.Page.GetByTestId("link-share")).ToContainTextAsync($"{then["transversalLinks"]} transversal links of {then["serviceLinks"]}");
        await session.FinishAsync("as-of-year");
    }

    [BrowserFact]
    public async Task AnApiError_IsShownWithItsCode_AndRetryRecovers()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "about:blank");
        await session.Page.RouteAsync("**/graphql", async route =>
        {
            if (route.Request.PostData?.Contains("ExplorerGaps", StringComparison.Ordinal) == true)
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 503,
                    ContentType = "application/graphql-response+json",
                    Body = """{"errors":[{"message":"The graph store does not answer.","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}""",
                });
                return;
            }
            await route.ContinueAsync();
        });
        await session.Page.GotoAsync("/?authority=auth:dep-vc");

        var alert = session.Page.Locator(".dashboard [role=alert]").First;
        await Expect(alert).ToContainTextAsync("SERVICE_UNAVAILABLE");
        await session.Page.UnrouteAllAsync();
        await alert.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(session.Page.GetByTestId("gaps").Locator("> li").First).ToBeVisibleAsync();
        // The browser logs the refused request itself; that error is the one this test provoked.
        await session.FinishAsync("api-error", "503");
    }
}
