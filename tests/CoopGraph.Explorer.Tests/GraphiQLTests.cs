using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

public sealed class GraphiQLTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    [BrowserFact]
    public async Task GraphiQL_OpensAtGraphql_WithExamples_AndRunsAQuery()
    {
        var ranking = await server.QueryAsync("{ authorityRanking(first: 1) { authority { name } } }");
        var mostCooperative = ranking["authorityRanking"]![0]!["authority"]!["name"]!.GetValue<string>();
        await using var session = await ExplorerSession.OpenAsync(server, "/graphql");

        await Expect(session.Page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await Expect(session.Page.Locator(".graphiql-tab")).ToHaveCountAsync(4);
        // Run once the editor holds the first example, as an analyst would.
        await Expect(session.Page.Locator(".graphiql-query-editor")).ToContainTextAsync("transversality");
        await session.Page.Locator(".graphiql-execute-button").ClickAsync();

        var result = session.Page.Locator(".result-window");
        await Expect(result).ToContainTextAsync("linkShare");
        // The first example is about the served graph's most cooperative authority.
        await Expect(result).ToContainTextAsync(mostCooperative);
        await session.FinishAsync("graphiql");
    }

    [BrowserFact]
    public async Task EveryExampleTab_NamesIdsOfTheServedGraph_AndRunsWithoutErrors()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/graphql");
        await Expect(session.Page.Locator(".graphiql-tab")).ToHaveCountAsync(4);
        var result = session.Page.Locator(".result-window");

        string[] operations = ["Transversality", "TopGaps", "PathBetween", "Brokers"];
        string[] answers = ["\"transversality\"", "\"cooperationGaps\"", "\"path\"", "\"brokers\""];
        for (var tab = 0; tab < answers.Length; tab++)
        {
            await session.Page.Locator(".graphiql-tab").Nth(tab).ClickAsync();
            // As an analyst does: run the tab once its query is in the editor. GraphiQL learns the tab's operation name a
            // moment after it shows the query (a run before that would name the previous tab's operation).
            await Expect(session.Page.Locator(".graphiql-query-editor")).ToContainTextAsync("query " + operations[tab]);
            await session.Page.WaitForTimeoutAsync(500);
            await session.Page.Locator(".graphiql-execute-button").ClickAsync();

            await Expect(result).ToContainTextAsync(answers[tab]);
            await Expect(result).Not.ToContainTextAsync("\"errors\"");
        }
        await session.FinishAsync("graphiql-examples");
    }
}
