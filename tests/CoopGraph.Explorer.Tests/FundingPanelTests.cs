using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// The dashboard's funding: an authority known only from official data (no services) still shows its money, by year,
/// by domain and by beneficiary; one that funds nothing says so rather than showing zeros.
/// </summary>
public sealed class FundingPanelTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    [BrowserFact]
    public async Task AnAuthorityWithoutServices_ShowsItsFunding_ByYearDomainAndBeneficiary()
    {
        Node[] nodes =
        [
            new Authority { Id = "auth:funder", Name = "Département payeur", Level = AuthorityLevel.Departement },
            new Authority { Id = "auth:miser", Name = "Commune sans subventions", Level = AuthorityLevel.Commune },
            new SseActor { Id = "sse:big", Name = "Grande association", LegalForm = LegalForm.Association },
            new SseActor { Id = "sse:small", Name = "Petite association", LegalForm = LegalForm.Association },
        ];
        Link Grant(string id, string target, decimal amount, int year) =>
            new() { Id = id, Type = LinkType.Funds, SourceId = "auth:funder", TargetId = target, Amount = amount, Year = year, Instrument = Instrument.Subsidy };
        var written = await server.Services.GetRequiredService<IGraphStore>().WriteAsync(new GraphBatch
        {
            Nodes = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])).ToList(),
            Links =
            [
                new LinkUpsert(Grant("g:1", "sse:big", 1_000m, 2020), true, ["links", 0]),
                new LinkUpsert(Grant("g:2", "sse:big", 2_000m, 2021), true, ["links", 1]),
                new LinkUpsert(Grant("g:3", "sse:small", 500m, 2021), true, ["links", 2]),
            ],
        }, CancellationToken.None);
        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));

        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:funder");
        var page = session.Page;
        await Expect(page.GetByTestId("funding-total")).ToContainTextAsync("€3,500: 3 grants or contracts, 2 beneficiaries");
        await Expect(page.GetByTestId("funding-by-year").Locator("li")).ToHaveTextAsync(["2020: €1,000", "2021: €2,500"]);
        await Expect(page.GetByTestId("funding-by-domain")).ToContainTextAsync("No domain given: €3,500");
        await Expect(page.GetByTestId("top-beneficiaries").Locator("li button")).ToHaveTextAsync(["Grande association", "Petite association"]);
        await session.FinishAsync("funding");

        await page.GotoAsync("/?authority=auth:miser&lang=fr");
        await Expect(page.GetByTestId("no-funding")).ToContainTextAsync("Aucun financement enregistré");
        await Expect(page.GetByTestId("funding-total")).ToHaveCountAsync(0);
        await session.FinishAsync("no-funding");
    }
}
