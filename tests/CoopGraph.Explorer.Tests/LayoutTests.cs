using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>The page's layout: the side panel covers no control; on a phone nothing scrolls sideways; figures say how they are computed.</summary>
public sealed class LayoutTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    [BrowserFact]
    public async Task TheSidePanel_CoversNoControl()
    {
        // Opened after the network is drawn, as a reader does: the canvas must shrink to make room, not push the legend under the panel.
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms");
        var page = session.Page;
        await session.WaitForNetworkAsync();
        await page.GetByText("Nodes in view").ClickAsync();
        await page.GetByTestId("node-list").GetByRole(AriaRole.Button, new() { Name = "Cinéma itinérant des Monts" }).ClickAsync();
        var panel = page.GetByTestId("side-panel");
        await Expect(panel).ToBeVisibleAsync();
        var box = (await panel.BoundingBoxAsync())!;
        foreach (var control in new[] { page.Locator(".legend"), page.GetByTestId("export-csv"), page.GetByTestId("export-png"), page.GetByTestId("year-slider") })
        {
            await control.ScrollIntoViewIfNeededAsync();
            var controlBox = (await control.BoundingBoxAsync())!;
            box = (await panel.BoundingBoxAsync())!;
            Assert.False(Overlap(box, controlBox), $"The side panel ({box.X},{box.Y} {box.Width}×{box.Height}) covers a control at ({controlBox.X},{controlBox.Y}).");
        }
        await session.FinishAsync("panel-beside");
    }

    [BrowserFact]
    public async Task OnAPhone_NothingScrollsSideways_AndTheLegendIsBelowTheNetwork()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa", o =>
        {
            o.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
            o.IsMobile = true;
            o.HasTouch = true;
        });
        var page = session.Page;
        await session.WaitForNetworkAsync();
        await Expect(page.GetByTestId("heatmap")).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "The page scrolls sideways on a phone.");
        var canvas = (await page.GetByTestId("network").BoundingBoxAsync())!;
        var legend = (await page.Locator(".legend").BoundingBoxAsync())!;
        Assert.True(legend.Y >= canvas.Y + canvas.Height - 1, "The legend is not below the network.");
        Assert.True(canvas.Width >= 340, $"The network is {canvas.Width} px wide on a 390 px phone.");
        var smallest = int.Parse((await page.GetByTestId("network").GetAttributeAsync("data-smallest-node-px"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(smallest >= 24, $"The smallest node is drawn {smallest} px wide on a phone: too small to tap.");
        await session.FinishAsync("phone-explorer");
    }

    [BrowserFact]
    public async Task TheFirstTab_OffersToSkipToTheNetwork()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa");
        var page = session.Page;
        await session.WaitForNetworkAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("skip-to-network")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("skip-to-network")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("network", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await session.FinishAsync("skip-link");
    }

    [BrowserFact]
    public async Task AMatrixCell_OpensWhoBringsItsTwoDomainsTogether()
    {
        var cells = (await server.QueryAsync("""{ transversality(authorityId: "auth:city-sa") { matrix { a b directLinks { source { id } } bridgedBy { id name } } } }"""))
            ["transversality"]!["matrix"]!.AsArray();
        var bridgedCell = cells.First(c => c!["bridgedBy"]!.AsArray().Count > 0 && c["directLinks"]!.AsArray().Count == 0)!;
        var partner = bridgedCell["bridgedBy"]![0]!;
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa");
        var page = session.Page;

        await page.GetByTestId($"cell-{bridgedCell["a"]}-{bridgedCell["b"]}").ClickAsync();
        var detail = page.GetByTestId("cell-detail");
        await Expect(detail).ToContainTextAsync("Partners working with services of both");
        await detail.GetByRole(AriaRole.Button, new() { Name = (string)partner["name"]! }).ClickAsync();
        await Expect(page.GetByTestId("side-panel-name")).ToHaveTextAsync((string)partner["name"]!);

        var empty = cells.First(c => c!["bridgedBy"]!.AsArray().Count == 0 && c["directLinks"]!.AsArray().Count == 0)!;
        await page.GetByTestId($"cell-{empty["a"]}-{empty["b"]}").ClickAsync();
        await Expect(detail).ToContainTextAsync("No cooperation between these two domains");
        await session.FinishAsync("matrix-cell");
    }

    [BrowserFact]
    public async Task TheKeyboard_MovesBetweenNodesOfTheCanvas_AndOpensOne()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa");
        var page = session.Page;
        await session.WaitForNetworkAsync();
        await page.GetByTestId("network").FocusAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        var cursor = page.GetByTestId("network-cursor");
        await Expect(cursor).Not.ToHaveTextAsync("");
        var first = await cursor.TextContentAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowLeft");
        var reached = (await cursor.TextContentAsync())!;
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("side-panel-name")).ToHaveTextAsync(reached);
        Assert.False(string.IsNullOrEmpty(first));
        await page.GetByTestId("network").FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("side-panel")).ToHaveCountAsync(0);
        await session.FinishAsync("keyboard-canvas");
    }

    [BrowserFact]
    public async Task SelectingOrFiltering_KeepsTheNodesWhereTheyAre()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms");
        var page = session.Page;
        await session.WaitForNetworkAsync();
        var network = page.GetByTestId("network");
        var runs = await network.GetAttributeAsync("data-layout-runs");

        await page.GetByText("Nodes in view").ClickAsync();
        await page.GetByTestId("node-list").GetByRole(AriaRole.Button, new() { Name = "Cinéma itinérant des Monts" }).ClickAsync();
        await Expect(page.GetByTestId("side-panel-name")).ToHaveTextAsync("Cinéma itinérant des Monts");
        await page.GetByLabel("Show cooperation gaps (dashed)").UncheckAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=network]').dataset.gapEdges) === 0");

        // Neither the selection nor hiding the gaps laid the network out again.
        Assert.Equal(runs, await network.GetAttributeAsync("data-layout-runs"));
        await session.FinishAsync("stable-layout");
    }

    [BrowserFact]
    public async Task HeadlineFigures_SayHowTheyAreComputed()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa");
        var figure = session.Page.GetByTestId("link-share");
        await figure.GetByText("How is this computed?").ClickAsync();
        await Expect(figure.Locator(".how p")).ToContainTextAsync("the share that joins two actors working in different policy domains");
        await Expect(session.Page.GetByTestId("coverage").Locator(".detail")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ of \d+$"));
        await session.FinishAsync("figure-definitions");
    }
}
