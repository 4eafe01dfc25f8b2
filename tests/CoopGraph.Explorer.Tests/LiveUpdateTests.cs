using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// An open dashboard follows the graph: when a write lands (another tab, a partner tool, an import), the figures are
/// asked again and a discreet note says when. The page hears of it through the graphChanged subscription (SSE).
/// </summary>
public sealed class LiveUpdateTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    [BrowserFact]
    public async Task AWriteWhileTheDashboardIsOpen_RefreshesIt_WithAnUpdatedNote()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:dep-ms");
        var page = session.Page;
        await Expect(page.Locator("#dashboard-title")).ToContainTextAsync("Monts-du-Sud");
        await Expect(page.GetByTestId("link-share")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("updated-note")).ToHaveCountAsync(0);
        var transversality = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/graphql", StringComparison.Ordinal) && request.PostData?.Contains("transversality", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref transversality);
            }
        };

        var written = await server.Services.GetRequiredService<IGraphStore>().WriteAsync(new GraphBatch
        {
            Nodes = [new NodeUpsert(new SseActor { Id = "sse:live-update", Name = "Association arrivée en direct", LegalForm = LegalForm.Association }, ["input", 0])],
        }, CancellationToken.None);
        Assert.True(written.Succeeded);

        await Expect(page.GetByTestId("updated-note")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // The note and the new requests come from the same render; the browser reports a request a moment after it left.
        Assert.True(await CoopGraph.Tests.Shared.Eventually.HoldsAsync(() => Volatile.Read(ref transversality) >= 1, TimeSpan.FromSeconds(10)),
            "The dashboard did not ask for its figures again.");
        await Expect(page.GetByTestId("link-share")).ToBeVisibleAsync();
        await session.FinishAsync("live-update");
    }
}
