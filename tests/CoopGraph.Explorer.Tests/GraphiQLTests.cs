using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

public sealed class GraphiQLTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    [BrowserFact]
    public async Task GraphiQL_OpensAtGraphql_WithExamples_AndRunsAQuery()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/graphql");

        await Expect(session.Page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await Expect(session.Page.Locator(".graphiql-tab")).ToHaveCountAsync(4);
        // Run once the editor holds the first example, as an analyst would.
        await Expect(session.Page.Locator(".graphiql-query-editor")).ToContainTextAsync("transversality");
        await session.Page.Locator(".graphiql-execute-button").ClickAsync();

        var result = session.Page.Locator(".result-window");
        await Expect(result).ToContainTextAsync("linkShare");
        await Expect(result).ToContainTextAsync("Ville de Saint-Aubin-sur-Rive");
        await session.FinishAsync("graphiql");
    }
}
