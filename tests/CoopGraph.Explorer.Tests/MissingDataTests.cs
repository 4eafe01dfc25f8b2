using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// An authority the open data knows without its services, or with services and no cooperation: the dashboard says what
/// is known and what is missing and how to fill it, and draws no conclusion (no "no silo", no 0 %).
/// </summary>
public sealed class MissingDataTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    private async Task AddAsync(params Node[] nodes)
    {
        var batch = new GraphBatch
        {
            Nodes = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])
            {
                Relations = n is Service ? [new RelationSet(LinkType.PartOf, "authorityId", ["auth:empty-links"])] : [],
            }).ToList(),
        };
        var written = await server.Services.GetRequiredService<IGraphStore>().WriteAsync(batch, CancellationToken.None);
        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));
    }

    [BrowserFact]
    public async Task AnAuthorityWithoutServices_OrWithoutLinks_SaysWhatIsMissing_AndConcludesNothing()
    {
        await AddAsync(
            new Authority { Id = "auth:empty", Name = "Commune sans services", Level = AuthorityLevel.Commune },
            new Authority { Id = "auth:empty-links", Name = "Commune sans liens", Level = AuthorityLevel.Commune },
            new Service { Id = "svc:empty-links-a", Name = "Culture", Domain = PolicyDomain.Culture },
            new Service { Id = "svc:empty-links-b", Name = "Social", Domain = PolicyDomain.Social });

        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:empty");
        var page = session.Page;
        await Expect(page.GetByTestId("missing-data")).ToContainTextAsync("The graph holds no services of this authority");
        await Expect(page.GetByTestId("missing-data")).ToContainTextAsync("nothing to conclude");
        await Expect(page.GetByTestId("link-share")).ToHaveCountAsync(0);
        await Expect(page.GetByText("No silo domain")).ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("services-template").ClickAsync());
        var template = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("id,kind,name,domain,authorityId,directionId,privateTo", template, StringComparison.Ordinal);
        Assert.Contains("auth:empty", template, StringComparison.Ordinal);
        await session.FinishAsync("missing-services");

        await page.GotoAsync("/?authority=auth:empty-links&lang=fr");
        await Expect(page.GetByTestId("missing-data")).ToContainTextAsync("2 services de cette collectivité sont connus");
        await Expect(page.GetByTestId("missing-data")).ToContainTextAsync("enquête de coopération");
        await Expect(page.GetByText("Aucun silo")).ToHaveCountAsync(0);
        await session.FinishAsync("missing-links");
    }
}
