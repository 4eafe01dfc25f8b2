using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// A graph without services, as open data alone makes it: the explorer opens on what is known territory by territory,
/// drills down to a département, and draws its 2,000-node network fast enough to use (its frame rate is measured).
/// </summary>
public sealed class TerritoryViewTests(TerritoryServer server, ITestOutputHelper output) : IClassFixture<TerritoryServer>
{
    private const string DepartementPage = "/?territory=" + TerritoryServer.DepartementId;

    // A département's page lays out and draws 2,000 nodes in a software-rendered browser: on a busy two-core machine
    // that alone can take longer than the suite's usual wait, so its first figures get a longer one.
    private static readonly LocatorAssertionsToContainTextOptions DrawnText = new() { Timeout = 45_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions Drawn = new() { Timeout = 45_000 };

    [BrowserFact]
    public async Task Arriving_on_a_graph_without_services_opens_what_the_open_data_knows_and_drills_down()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/");
        var page = session.Page;
        var view = page.GetByTestId("territory-view");
        await Expect(page.GetByTestId("no-services-anywhere")).ToContainTextAsync("No authority's services cooperate in this graph yet");
        await Expect(page.GetByTestId("dashboard")).ToHaveCountAsync(0);
        // The country is the only top territory: its régions are listed at once.
        var ranking = page.GetByTestId("territory-ranking");
        await Expect(ranking).ToContainTextAsync($"{TerritoryServer.Region} region, 1,995 actors known");
        await ranking.GetByRole(AriaRole.Button, new() { Name = TerritoryServer.Region }).ClickAsync();
        await Expect(view.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync($"{TerritoryServer.Region}: what the open data knows");
        await page.GetByTestId("territory-ranking").GetByRole(AriaRole.Button, new() { Name = TerritoryServer.Departement }).ClickAsync();

        await Expect(view.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync($"{TerritoryServer.Departement}: what the open data knows");
        await Expect(page.GetByTestId("territory-breadcrumb")).ToContainTextAsync($"France (country) › {TerritoryServer.Region} (region)");
        // The figures are the API's: 1,994 associations and the département's own authority; five programmes; the links among them.
        var counts = await server.QueryAsync(
            """{ a: actors(filter: { territoryCode: "D91" }, first: 0) { totalCount } n: scopeNetwork(scope: { territoryCode: "D91" }) { links isolated } }""");
        Assert.Equal(1_995, counts["a"]!["totalCount"]!.GetValue<int>());
        await Expect(page.GetByTestId("territory-actors")).ToContainTextAsync("1,995 actors known", DrawnText);
        await Expect(page.GetByTestId("territory-actors")).ToContainTextAsync($"{counts["n"]!["isolated"]!.GetValue<int>().ToString("N0", CultureInfo.InvariantCulture)} with no link here");
        await Expect(page.GetByTestId("territory-actors")).ToContainTextAsync("SSE organisation: 1,994");
        await Expect(page.GetByTestId("territory-programmes")).ToContainTextAsync("5 programmes");
        await Expect(page.GetByTestId("territory-links")).ToContainTextAsync($"{counts["n"]!["links"]!.GetValue<int>().ToString("N0", CultureInfo.InvariantCulture)} links");
        await Expect(page.GetByTestId("territory-missing")).ToContainTextAsync("nothing here is a conclusion about silos");
        await Expect(page.GetByTestId("territory-brokers")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("territory-gaps").Locator("> li")).Not.ToHaveCountAsync(0);
        var network = page.GetByTestId("territory-network");
        await Expect(network).ToHaveAttributeAsync("data-nodes", "2000", Drawn);
        await Expect(page.GetByTestId("network-shown")).ToHaveTextAsync("All 2,000 nodes are drawn.");
        await session.FinishAsync("territory-departement");

        // Back returns to the région, within the app.
        await page.GoBackAsync();
        await Expect(view.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync($"{TerritoryServer.Region}: what the open data knows");
    }

    [BrowserFact]
    public async Task A_node_of_the_territory_opens_its_panel_and_the_page_reads_in_French()
    {
        await using var session = await ExplorerSession.OpenAsync(server, DepartementPage + "&lang=fr");
        var page = session.Page;
        await Expect(page.GetByTestId("territory-view").GetByRole(AriaRole.Heading, new() { Level = 2 }))
            .ToContainTextAsync("Monts-d'Azur\u00a0: ce que les données ouvertes en connaissent");
        await Expect(page.GetByTestId("territory-actors")).ToContainTextAsync("1\u202f995 acteurs connus", DrawnText);
        await page.GetByText("Acteurs affichés").ClickAsync();
        await page.GetByTestId("territory-node-list").GetByRole(AriaRole.Button, new() { Name = "Programme 1", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("side-panel")).ToContainTextAsync("Programme 1");
        Assert.Contains("focus=test%3Aprogramme%3A1", page.Url, StringComparison.Ordinal);
        await session.FinishAsync("territory-panel-fr");
    }

    [BrowserFact]
    public async Task Two_thousand_nodes_draw_the_fast_way_and_follow_the_mouse_at_a_measured_frame_rate()
    {
        await using var session = await ExplorerSession.OpenAsync(server, DepartementPage);
        var page = session.Page;
        var network = page.GetByTestId("territory-network");
        await Expect(network).ToHaveAttributeAsync("data-nodes", "2000", Drawn);
        // Never the slow way: WebGL on a graphics card, else a canvas that moves a picture of the network.
        await Expect(network).ToHaveAttributeAsync("data-renderer", new System.Text.RegularExpressions.Regex("^(webgl|canvas-texture)$"), Drawn);
        await network.ScrollIntoViewIfNeededAsync();
        var box = (await network.BoundingBoxAsync())!;
        var before = await network.ScreenshotAsync();
        // The first drawing (labels into the renderer's textures) is done before the measure starts.
        await page.WaitForTimeoutAsync(2_000);

        // Frames the page delivers while the reader drags the network around and zooms in and out: what "smooth" means.
        await page.EvaluateAsync("() => { window.__frames = []; window.__stop = false; const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); }; requestAnimationFrame(tick); }");
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 60; i++)
        {
            await page.Mouse.MoveAsync(x + 150 * MathF.Sin(i / 10f), y + 100 * MathF.Cos(i / 10f) - 100);
        }
        await page.Mouse.UpAsync();
        for (var i = 0; i < 20; i++)
        {
            await page.Mouse.WheelAsync(0, i % 2 == 0 ? -200 : 150);
        }
        var frames = await page.EvaluateAsync<double[]>("() => { window.__stop = true; return window.__frames; }");
        var seconds = (frames[^1] - frames[0]) / 1000;
        var fps = (frames.Length - 1) / seconds;
        var longest = frames.Zip(frames.Skip(1), (a, b) => b - a).Max();
        var figure = $"2,000 nodes, {await network.GetAttributeAsync("data-edges")} edges, {await network.GetAttributeAsync("data-renderer")}: {frames.Length - 1} frames in {seconds:0.00} s of dragging and zooming = {fps:0.0} frames/s, longest frame {longest:0} ms";
        output.WriteLine(figure);
        await File.WriteAllTextAsync(Path.Combine(ExplorerServer.ScreenshotFolder, "territory-fps.txt"), figure + Environment.NewLine);

        // The drag moved the drawing: the network answered the mouse.
        Assert.NotEqual(Convert.ToBase64String(before), Convert.ToBase64String(await network.ScreenshotAsync()));
        Assert.True(frames.Length > 10, figure);
        await session.FinishAsync("territory-2000-nodes");
    }
}
