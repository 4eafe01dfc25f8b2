using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using CoopGraph.Graph.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// A manager signs in with a key bound to their authority: the header says whose private data is shown, the network
/// shows it, the key stays in the tab's session only, and signing out goes back to the public view.
/// </summary>
public sealed class SignInTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    private const string Authority = "auth:dep-ms";
    private const string PrivateService = "svc:dep-ms-internal-mobility";

    /// <summary>A service of the département kept private to it, cooperating with one of its public services.</summary>
    private async Task<string> PrivateServiceAndKeyAsync()
    {
        var store = server.Services.GetRequiredService<IGraphStore>();
        var partner = (string)(await server.QueryAsync($$"""{ actor(id: "{{Authority}}") { ... on Authority { services { id } } } }"""))["actor"]!["services"]![0]!["id"]!;
        var service = new Service { Id = PrivateService, Name = "Mission mobilités internes", Domain = PolicyDomain.Transport, PrivateTo = Authority };
        var batch = new GraphBatch
        {
            Nodes = [new NodeUpsert(service, ["input", 0]) { Relations = [new RelationSet(LinkType.PartOf, "authorityId", [Authority])] }],
            Links = [new LinkUpsert(new Link { Id = "coop:internal-mobility", Type = LinkType.CooperatesWith, SourceId = PrivateService, TargetId = partner }, true, ["links", 0])],
        };
        var written = await store.WriteAsync(batch, CancellationToken.None);
        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));
        return await server.Services.GetRequiredService<IApiKeyStore>().CreateAsync("dgs-monts-du-sud", ApiScopes.Read, false, Authority, CancellationToken.None);
    }

    [BrowserFact]
    public async Task SigningIn_ShowsTheAuthoritysPrivateData_AndSigningOutHidesItAgain()
    {
        var key = await PrivateServiceAndKeyAsync();
        await using var session = await ExplorerSession.OpenAsync(server, $"/?authority={Authority}");
        var page = session.Page;
        var (publicNodes, publicEdges, _) = await session.WaitForNetworkAsync();
        await Expect(page.GetByTestId("viewer")).ToHaveTextAsync("Public data");

        await page.GetByTestId("key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByTestId("viewer")).ToHaveTextAsync("With the private data of Département des Monts-du-Sud");
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-testid=network]')?.dataset.nodes) === {publicNodes + 1}");
        var (privateNodes, privateEdges, _) = await session.WaitForNetworkAsync();
        Assert.Equal(publicNodes + 1, privateNodes);
        Assert.True(privateEdges > publicEdges, $"{privateEdges} links signed in, {publicEdges} before");
        Assert.Equal(key, await page.EvaluateAsync<string>("() => sessionStorage.getItem('coopgraph.key')"));
        Assert.DoesNotContain(key, await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + document.cookie + location.href"));
        await session.FinishAsync("signed-in");

        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page.GetByTestId("viewer")).ToHaveTextAsync("Public data");
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-testid=network]')?.dataset.nodes) === {publicNodes}");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('coopgraph.key')"));
    }

    [BrowserFact]
    public async Task AKeyTheApiRefuses_IsSaidSo_AndNotKept()
    {
        await using var session = await ExplorerSession.OpenAsync(server, "/");
        var page = session.Page;
        await session.WaitForNetworkAsync();

        await page.GetByTestId("key").FillAsync("cg_not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This key was refused");
        await Expect(page.GetByTestId("viewer")).ToHaveTextAsync("Public data");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('coopgraph.key')"));
        // The refused call is the page's one 401 (and the browser's console line about it).
        await session.FinishAsync("sign-in-refused", "401");
    }
}
