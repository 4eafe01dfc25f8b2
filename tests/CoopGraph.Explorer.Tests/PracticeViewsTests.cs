using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
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
        var balance = (await server.QueryAsync("""{ labBalance(labId: "lab:fabrique") { inside outside insideShare } }"""))["labBalance"]!;
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
    public async Task A_policys_spread_shows_the_regions_lycees_by_territory_and_who_took_it_up()
    {
        // Written through the store: the explorer's server asks a key for writes.
        var lycees = Enumerable.Range(1, 5).Select(i => new NodeUpsert(
            new Establishment { Id = $"test:view-lycee-{i}", Name = $"Lycée {i}", Category = EstablishmentCategory.Lycee, Public = true }, ["lycees", i])
        {
            Relations =
            [
                new RelationSet(LinkType.PartOf, "authorityId", ["auth:region"]),
                new RelationSet(LinkType.LocatedIn, "territoryCode", [i <= 3 ? "98101" : "D97"], RefsAreTerritoryCodes: true),
            ],
        });
        var policy = new NodeUpsert(new Policy { Id = "test:pol-lycees-view", Name = "Lycées coopératifs", Instrument = Instrument.PartnershipAgreement }, ["policy"])
        {
            Relations = [new RelationSet(LinkType.Owns, "ownerId", ["svc:region-schools"], Incoming: true)],
        };
        Link Link(LinkType type, string source, string target, int? sinceYear = null) => new()
        {
            Id = $"test:view-link:{type}:{source}:{target}", Type = type, SourceId = source, TargetId = target,
            CooperationKind = type == LinkType.CooperatesWith ? CooperationKind.Partnership : null,
            Since = sinceYear is { } year ? new DateOnly(year, 3, 1) : null,
        };
        Link[] links =
        [
            Link(LinkType.Targets, "test:pol-lycees-view", "test:view-lycee-1"), Link(LinkType.Targets, "test:pol-lycees-view", "test:view-lycee-2"),
            Link(LinkType.Targets, "test:pol-lycees-view", "test:view-lycee-4"), Link(LinkType.Implements, "test:view-lycee-1", "test:pol-lycees-view", 2021),
            Link(LinkType.CooperatesWith, "test:view-lycee-1", "test:view-lycee-2", 2023), Link(LinkType.CooperatesWith, "sse:scic-bois", "test:view-lycee-1", 2022),
        ];
        var written = await server.Services.GetRequiredService<IGraphStore>().WriteAsync(
            new GraphBatch { Nodes = [policy, .. lycees], Links = links.Select((l, i) => new LinkUpsert(l, true, ["links", i])).ToList() }, CancellationToken.None);
        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));

        await using var session = await ExplorerSession.OpenAsync(server, "/?reach=test:pol-lycees-view");
        var page = session.Page;
        await Expect(page.GetByTestId("reach-view").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Lycées coopératifs: how far it has spread");
        await Expect(page.GetByTestId("reach-share").Locator(".value")).ToHaveTextAsync("60%");
        await Expect(page.GetByTestId("reach-share")).ToContainTextAsync("3 of 5");
        await Expect(page.GetByTestId("reach-engaged").Locator(".value")).ToHaveTextAsync("2");
        var grid = page.GetByTestId("reach-grid");
        await Expect(grid.Locator(".reach-place")).ToHaveCountAsync(2);
        await Expect(grid.Locator("[data-state=engaged-sse]")).ToHaveCountAsync(1);
        await Expect(grid.Locator("[data-state=engaged]")).ToHaveCountAsync(1);
        await Expect(grid.Locator("[data-state=reached]")).ToHaveCountAsync(1);
        await Expect(grid.Locator("[data-state=not-reached]")).ToHaveCountAsync(2);
        await Expect(grid.GetByRole(AriaRole.Button, new() { Name = "Lycée 1: engaged with an SSE organisation" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reach-adoption").Locator("tbody tr")).ToHaveCountAsync(3);
        await AssertNoViolationsAsync(page);
        await session.FinishAsync("reach-lycees");

        // The same page in French: the words of the grid and of the figures.
        await page.GotoAsync("/?reach=test:pol-lycees-view&lang=fr");
        await Expect(page.GetByTestId("reach-share").Locator(".value")).ToHaveTextAsync("60\u202f%");
        await Expect(grid.GetByRole(AriaRole.Button, new() { Name = "Lycée 3\u00a0: non touché" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_policys_panel_says_which_beneficiaries_it_involved_and_when()
    {
        var group = new NodeUpsert(new BeneficiaryGroup { Id = "test:tenants", Name = "Locataires du quartier Bel-Air" }, ["group"]);
        Link Involves(InvolvementStage stage, int? year) => new()
        {
            Id = $"test:involves:{stage}", Type = LinkType.Involves, SourceId = "pol:city-participatory-budget", TargetId = "test:tenants", Stage = stage,
            Since = year is { } y ? new DateOnly(y, 2, 1) : null,
        };
        var written = await server.Services.GetRequiredService<IGraphStore>().WriteAsync(new GraphBatch
        {
            Nodes = [group],
            Links = [new LinkUpsert(Involves(InvolvementStage.Design, 2021), true, ["links", 0]), new LinkUpsert(Involves(InvolvementStage.Evaluation, null), true, ["links", 1])],
        }, CancellationToken.None);
        Assert.True(written.Succeeded, string.Join("; ", written.Errors.Select(e => e.Message)));

        await using var session = await ExplorerSession.OpenAsync(server, "/?authority=auth:city-sa&focus=pol:city-participatory-budget&lang=fr");
        var involvement = session.Page.GetByTestId("side-panel-involvement");
        await Expect(involvement.Locator("li")).ToHaveCountAsync(2);
        await Expect(involvement.Locator("li").First).ToHaveTextAsync("Conception\u00a0: Locataires du quartier Bel-Air · depuis 2021");
        await Expect(involvement.Locator("li").Nth(1)).ToHaveTextAsync("Évaluation\u00a0: Locataires du quartier Bel-Air");
        await session.FinishAsync("policy-involvement");
    }
}
