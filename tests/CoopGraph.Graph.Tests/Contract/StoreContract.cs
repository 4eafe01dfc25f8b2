using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>
/// What every <see cref="IGraphStore"/> must do, written once: each store's subclass runs all of it, so the embedded
/// store and Neo4j accept, refuse, list, search and export alike. Each test opens a fresh, empty store.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A fresh store, initialised and empty.</summary>
    protected abstract Task<StoreUnderTest> OpenEmptyAsync();

    private async Task<StoreUnderTest> OpenDemoAsync()
    {
        var store = await OpenEmptyAsync();
        var result = await store.Graph.WriteAsync(Demo.DemoDataset.Load(), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return store;
    }

    private static GraphBatch Nodes(params Node[] nodes) =>
        new() { Nodes = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])).ToList() };

    /// <summary>A node as text, lists included (records compare lists by reference).</summary>
    private static string Comparable(Node node) => System.Text.Json.JsonSerializer.Serialize<object>(node);

    private static Theme Theme(string id) => new() { Id = id, Name = "Theme " + id, Domain = PolicyDomain.Youth };

    [ContractFact]
    public async Task Initialize_IsIdempotent_AndAFreshStoreIsEmptyAtVersionZero()
    {
        await using var store = await OpenEmptyAsync();

        await store.Initializer.InitializeAsync(Ct);

        Assert.Equal(new GraphCounts(0, 0, 0), await store.Graph.CountAsync(Viewer.Everything, Ct));
        Assert.Equal(0, await store.Graph.GetVersionAsync(Ct));
    }

    [ContractFact]
    public async Task ARelationByTerritoryCode_ToEndsALinkAlreadyJoins_KeepsThatLink()
    {
        await using var store = await OpenEmptyAsync();
        var place = new Territory { Id = "c1", Code = "01001", Name = "c1", Level = TerritoryLevel.Commune };
        var actor = new SseActor { Id = "a", Name = "a", LegalForm = LegalForm.Association };
        var placed = new GraphBatch
        {
            Nodes = [new NodeUpsert(actor, ["input", 0]) { Relations = [new RelationSet(LinkType.LocatedIn, "territoryCode", ["01001"], RefsAreTerritoryCodes: true)] }],
        };
        Assert.True((await store.Graph.WriteAsync(Nodes(place, actor), Ct)).Succeeded);
        var mine = new LinkUpsert(new Link { Id = "mine", Type = LinkType.LocatedIn, SourceId = "a", TargetId = "c1", Note = "given" }, true, ["links", 0]);
        Assert.True((await store.Graph.WriteAsync(new GraphBatch { Links = [mine] }, Ct)).Succeeded);

        var again = await store.Graph.WriteAsync(placed, Ct);

        Assert.True(again.Succeeded, string.Join("; ", again.Errors.Select(e => e.Message)));
        var links = await store.Graph.GetLinksAsync(Viewer.Everything, ["mine", LinkIds.Derive(LinkType.LocatedIn, "a", "c1")], Ct);
        Assert.Equal(["mine:given"], links.Select(l => $"{l.Id}:{l.Note}"));
        Assert.Equal(1, (await store.Graph.CountAsync(Viewer.Everything, Ct)).Links);
    }

    [ContractFact]
    public async Task EveryWrite_IncreasesTheVersion_AndReturnsTheIdsWritten()
    {
        await using var store = await OpenEmptyAsync();

        var first = await store.Graph.WriteAsync(Nodes(Theme("t1")), Ct);
        var second = await store.Graph.WriteAsync(Nodes(Theme("t2")), Ct);

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(["t2"], second.Ids);
        Assert.Equal(2, await store.Graph.GetVersionAsync(Ct));
        Assert.Equal(["t1", "t2"], (await store.Graph.GetNodesAsync(Viewer.Everything, ["t1", "t2", "nobody"], Ct)).Select(n => n.Id).Order());
    }

    [ContractFact]
    public async Task ABatchWithOneInvalidItem_WritesNothing_AndKeepsTheVersion()
    {
        await using var store = await OpenEmptyAsync();
        var batch = Nodes(Theme("good"), new SseActor { Id = "", Name = "no id", LegalForm = LegalForm.Association });

        var result = await store.Graph.WriteAsync(batch, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(new object[] { "input", 1, "id" }, result.Errors.Single().Path);
        Assert.Empty(await store.Graph.GetNodesAsync(Viewer.Everything, ["good"], Ct));
        Assert.Equal(0, await store.Graph.GetVersionAsync(Ct));
    }

    [ContractFact]
    public async Task AValidateOnlyBatch_IsCheckedButNotWritten()
    {
        await using var store = await OpenEmptyAsync();

        var result = await store.Graph.WriteAsync(Nodes(Theme("t1")) with { ValidateOnly = true }, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(new GraphCounts(0, 0, 0), await store.Graph.CountAsync(Viewer.Everything, Ct));
    }

    [ContractFact]
    public async Task EveryFieldOfEveryKind_ComesBackAsWritten()
    {
        await using var store = await OpenEmptyAsync();
        Node[] nodes =
        [
            new Territory { Id = "ter:r", Code = "R84", Name = "Région", Level = TerritoryLevel.Region },
            new Territory { Id = "ter:d", Code = "D69", Name = "Rhône", Level = TerritoryLevel.Departement, ParentId = "ter:r" },
            new Authority { Id = "auth:a", Name = "Métropole", Level = AuthorityLevel.Metropolis, Code = "200046977", Population = 1_411_571, Tags = ["métropole", "lyon"] },
            new Service { Id = "svc:s", Name = "Mobilités", Domain = PolicyDomain.Transport, Description = "Direction « mobilités »", DecisionMaking = true },
            new SseActor { Id = "sse:x", Name = "Coop", LegalForm = LegalForm.Cooperative, Siren = "123456789", Source = "sirene" },
            new University { Id = "uni:u", Name = "Labo", UniversityKind = UniversityKind.ResearchLab },
            new InnovationLab { Id = "lab:l", Name = "Lab", Founded = new DateOnly(2019, 9, 1) },
            new Organisation { Id = "org:o", Name = "La Poste", Siren = "356000000" },
            new Establishment { Id = "uai:0440001A", Name = "Lycée", Uai = "0440001A", Category = EstablishmentCategory.VocationalLycee, Public = false },
            new Policy { Id = "pol:p", Name = "Plan", Domains = [PolicyDomain.Transport, PolicyDomain.Youth], Instrument = Instrument.CallForProjects, Budget = 1_250_000.50m, Start = new DateOnly(2021, 1, 1), End = new DateOnly(2026, 12, 31) },
            Theme("theme:t"),
            new BeneficiaryGroup { Id = "group:g", Name = "Jeunes sans voiture", Description = "Un groupe, jamais une personne." },
        ];
        var funds = new Link
        {
            Id = "funds-1", Type = LinkType.Funds, SourceId = "auth:a", TargetId = "sse:x", Instrument = Instrument.Subsidy, Amount = 15_000.25m, Year = 2023,
            Domain = PolicyDomain.Culture,
            Since = new DateOnly(2023, 3, 1), Until = new DateOnly(2023, 12, 31), Note = "convention", Source = "budget",
        };
        var coop = new Link { Id = LinkIds.Derive(LinkType.CooperatesWith, "sse:x", "uni:u"), Type = LinkType.CooperatesWith, SourceId = "sse:x", TargetId = "uni:u", CooperationKind = CooperationKind.CoConstruction, Intensity = 4 };
        // Any actor may fund (a foundation, an association that redistributes); co-contractors form a consortium.
        var redistributed = new Link { Id = "funds-2", Type = LinkType.Funds, SourceId = "sse:x", TargetId = "uai:0440001A", Instrument = Instrument.Subsidy, Amount = 800m, Year = 2024 };
        var consortium = new Link { Id = LinkIds.Derive(LinkType.CooperatesWith, "org:o", "sse:x"), Type = LinkType.CooperatesWith, SourceId = "org:o", TargetId = "sse:x", CooperationKind = CooperationKind.Consortium };
        // A policy involves a group once per stage: two links between the same ends.
        var designed = new Link { Id = "involves-design", Type = LinkType.Involves, SourceId = "pol:p", TargetId = "group:g", Stage = InvolvementStage.Design, Since = new DateOnly(2020, 5, 1) };
        var evaluated = new Link { Id = "involves-evaluation", Type = LinkType.Involves, SourceId = "pol:p", TargetId = "group:g", Stage = InvolvementStage.Evaluation };
        var batch = new GraphBatch
        {
            Nodes = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])
            {
                Relations = n is Service or Establishment ? [new RelationSet(LinkType.PartOf, "authorityId", ["auth:a"])] : [],
            }).ToList(),
            Links =
            [
                new LinkUpsert(funds, true, ["links", 0]), new LinkUpsert(coop, false, ["links", 1]),
                new LinkUpsert(redistributed, true, ["links", 2]), new LinkUpsert(consortium, false, ["links", 3]),
                new LinkUpsert(designed, true, ["links", 4]), new LinkUpsert(evaluated, true, ["links", 5]),
            ],
        };

        var result = await store.Graph.WriteAsync(batch, Ct);
        var stored = (await store.Graph.GetNodesAsync(Viewer.Everything, nodes.Select(n => n.Id).ToList(), Ct)).ToDictionary(n => n.Id);
        var links = (await store.Graph.GetLinksAsync(Viewer.Everything, [funds.Id, coop.Id, redistributed.Id, consortium.Id, designed.Id, evaluated.Id], Ct)).ToDictionary(l => l.Id);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        foreach (var node in nodes)
        {
            var back = stored[node.Id];
            Assert.NotEqual(default, back.CreatedAt);
            Assert.Equal(Comparable(node with { CreatedAt = back.CreatedAt, UpdatedAt = back.UpdatedAt }), Comparable(back));
        }
        Assert.Equal(funds, links[funds.Id]);
        Assert.Equal(LinkRules.CanonicalEnds(LinkType.CooperatesWith, "sse:x", "uni:u"), (links[coop.Id].SourceId, links[coop.Id].TargetId));
        Assert.Equal((CooperationKind.CoConstruction, 4), (links[coop.Id].CooperationKind!.Value, links[coop.Id].Intensity!.Value));
        Assert.Equal(redistributed, links[redistributed.Id]);
        Assert.Equal(CooperationKind.Consortium, links[consortium.Id].CooperationKind);
        Assert.Equal(designed, links[designed.Id]);
        Assert.Equal(evaluated, links[evaluated.Id]);
        var responsible = await store.Graph.GetNeighbourIdsAsync(Viewer.Everything, ["uai:0440001A"], LinkType.PartOf, LinkDirection.Outgoing, Ct);
        Assert.Equal(["auth:a"], responsible["uai:0440001A"]);
    }

    [ContractFact]
    public async Task AnUpsert_ReplacesTheNode_AndItsRelationSets()
    {
        await using var store = await OpenEmptyAsync();
        await store.Graph.WriteAsync(Nodes(Theme("t1"), Theme("t2")), Ct);
        NodeUpsert Actor(string name, string? description, params string[] themes) =>
            new(new SseActor { Id = "a", Name = name, Description = description, LegalForm = LegalForm.Cooperative }, ["input", 0])
            {
                Relations = [new RelationSet(LinkType.WorksOn, "themeIds", themes)],
            };

        await store.Graph.WriteAsync(new GraphBatch { Nodes = [Actor("First", "described", "t1", "t2")] }, Ct);
        await store.Graph.WriteAsync(new GraphBatch { Nodes = [Actor("Renamed", null, "t2")] }, Ct);

        var actor = Assert.IsType<SseActor>(Assert.Single(await store.Graph.GetNodesAsync(Viewer.Everything, ["a"], Ct)));
        var themes = await store.Graph.GetNeighbourIdsAsync(Viewer.Everything, ["a"], LinkType.WorksOn, LinkDirection.Outgoing, Ct);
        var incoming = await store.Graph.GetNeighbourIdsAsync(Viewer.Everything, ["t2"], LinkType.WorksOn, LinkDirection.Incoming, Ct);
        Assert.Equal(("Renamed", null), (actor.Name, actor.Description));
        Assert.Equal(["t2"], themes["a"]);
        Assert.Equal(["a"], incoming["t2"]);
    }

    [ContractFact]
    public async Task ACooperation_IsStoredOnce_WhicheverWayItIsSent()
    {
        await using var store = await OpenEmptyAsync();
        await store.Graph.WriteAsync(Nodes(
            new SseActor { Id = "b", Name = "B", LegalForm = LegalForm.Association },
            new University { Id = "a", Name = "A", UniversityKind = UniversityKind.ResearchLab }), Ct);
        LinkUpsert Coop(string from, string to, int intensity) => new(
            new Link { Id = LinkIds.Derive(LinkType.CooperatesWith, from, to), Type = LinkType.CooperatesWith, SourceId = from, TargetId = to, Intensity = intensity },
            false, ["input", 0]);

        await store.Graph.WriteAsync(new GraphBatch { Links = [Coop("b", "a", 2)] }, Ct);
        await store.Graph.WriteAsync(new GraphBatch { Links = [Coop("a", "b", 4)] }, Ct);

        var links = await store.Graph.ListLinksAsync(Viewer.Everything, new LinkQuery { Types = [LinkType.CooperatesWith] }, new PageRequest(10), Ct);
        var link = Assert.Single(links.Items).Item;
        Assert.Equal(("a", "b", 4), (link.SourceId, link.TargetId, link.Intensity));
    }

    [ContractFact]
    public async Task DeletingAnAuthorityWithServices_IsRefused_UnlessTheServicesGoToo()
    {
        await using var store = await OpenDemoAsync();
        var services = (await store.Graph.GetNeighbourIdsAsync(Viewer.Everything, ["auth:belcombe"], LinkType.PartOf, LinkDirection.Incoming, Ct))["auth:belcombe"];

        var refused = await store.Graph.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("auth:belcombe", ["ids", 0])] }, Ct);
        var all = services.Prepend("auth:belcombe").Select((id, i) => new ItemDelete(id, ["ids", i])).ToList();
        var accepted = await store.Graph.WriteAsync(new GraphBatch { NodeDeletes = all }, Ct);

        Assert.Equal(UserErrorCodes.Constraint, Assert.Single(refused.Errors).Code);
        Assert.True(accepted.Succeeded);
        Assert.Empty(await store.Graph.GetNodesAsync(Viewer.Everything, ["auth:belcombe", .. services], Ct));
        Assert.Empty((await store.Graph.ListLinksAsync(Viewer.Everything, new LinkQuery { NodeId = "auth:belcombe" }, new PageRequest(10), Ct)).Items);
    }

    [ContractFact]
    public async Task TerritoryParentsFormingACycle_AreRefused_AndNothingIsWritten()
    {
        await using var store = await OpenEmptyAsync();
        await store.Graph.WriteAsync(Nodes(
            new Territory { Id = "r", Code = "R", Name = "R", Level = TerritoryLevel.Region },
            new Territory { Id = "d", Code = "D", Name = "D", Level = TerritoryLevel.Departement, ParentId = "r" }), Ct);

        var result = await store.Graph.WriteAsync(Nodes(new Territory { Id = "r", Code = "R", Name = "R", Level = TerritoryLevel.Region, ParentId = "d" }), Ct);

        Assert.Equal(UserErrorCodes.Constraint, Assert.Single(result.Errors).Code);
        Assert.Null(Assert.IsType<Territory>(Assert.Single(await store.Graph.GetNodesAsync(Viewer.Everything, ["r"], Ct))).ParentId);
        Assert.Equal(1, await store.Graph.GetVersionAsync(Ct));
    }
}
