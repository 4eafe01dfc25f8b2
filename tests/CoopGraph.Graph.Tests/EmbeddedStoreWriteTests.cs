using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests;

public sealed class EmbeddedStoreWriteTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static GraphBatch Nodes(params Node[] nodes) =>
        new() { Nodes = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])).ToList() };

    private static Theme Theme(string id) => new() { Id = id, Name = "Theme " + id, Domain = PolicyDomain.Youth };

    [Fact]
    public async Task Initialize_AppliesMigrations_AndStartsEmptyAtVersionZero()
    {
        await using var temp = await TempStore.CreateAsync();

        var counts = await temp.Store.CountAsync(Ct);

        Assert.Equal(new GraphCounts(0, 0, 0), counts);
        Assert.True(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public async Task Write_IncreasesTheVersion_AndPersistsAcrossReopening()
    {
        await using var temp = await TempStore.CreateAsync();

        var first = await temp.Store.WriteAsync(Nodes(Theme("t1")), Ct);
        var second = await temp.Store.WriteAsync(Nodes(Theme("t2")), Ct);
        var reopened = temp.Open();
        await reopened.InitializeAsync(Ct);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, await reopened.GetVersionAsync(Ct));
        Assert.Equal(["t1", "t2"], (await reopened.GetNodesAsync(["t1", "t2"], Ct)).Select(n => n.Id).Order());
    }

    [Fact]
    public async Task Write_WithOneInvalidItem_WritesNothing_AndKeepsTheVersion()
    {
        await using var temp = await TempStore.CreateAsync();
        var batch = Nodes(Theme("good"), new SseActor { Id = "", Name = "no id", LegalForm = LegalForm.Association });

        var result = await temp.Store.WriteAsync(batch, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(new object[] { "input", 1, "id" }, result.Errors.Single().Path);
        Assert.Empty(await temp.Store.GetNodesAsync(["good"], Ct));
        Assert.Equal(0, await temp.Store.GetVersionAsync(Ct));
    }

    [Fact]
    public async Task Upsert_ReplacesTheNode_AndItsRelationSets()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteAsync(Nodes(Theme("t1"), Theme("t2")), Ct);
        NodeUpsert Actor(string name, params string[] themes) =>
            new(new SseActor { Id = "a", Name = name, LegalForm = LegalForm.Cooperative }, ["input", 0])
            {
                Relations = [new RelationSet(LinkType.WorksOn, "themeIds", themes)],
            };

        await temp.Store.WriteAsync(new GraphBatch { Nodes = [Actor("First", "t1", "t2")] }, Ct);
        await temp.Store.WriteAsync(new GraphBatch { Nodes = [Actor("Renamed", "t2")] }, Ct);

        var actor = Assert.IsType<SseActor>(Assert.Single(await temp.Store.GetNodesAsync(["a"], Ct)));
        var themes = await temp.Store.GetNeighbourIdsAsync(["a"], LinkType.WorksOn, LinkDirection.Outgoing, Ct);
        Assert.Equal("Renamed", actor.Name);
        Assert.Equal(["t2"], themes["a"]);
    }

    [Fact]
    public async Task Cooperation_IsStoredOnce_WhicheverWayItIsSent()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteAsync(Nodes(
            new SseActor { Id = "b", Name = "B", LegalForm = LegalForm.Association },
            new University { Id = "a", Name = "A", UniversityKind = UniversityKind.ResearchLab }), Ct);
        LinkUpsert Coop(string from, string to, int intensity) => new(
            new Link { Id = LinkIds.Derive(LinkType.CooperatesWith, from, to), Type = LinkType.CooperatesWith, SourceId = from, TargetId = to, Intensity = intensity },
            false, ["input", 0]);

        await temp.Store.WriteAsync(new GraphBatch { Links = [Coop("b", "a", 2)] }, Ct);
        await temp.Store.WriteAsync(new GraphBatch { Links = [Coop("a", "b", 4)] }, Ct);

        var links = await temp.Store.ListLinksAsync(new LinkQuery { Types = [LinkType.CooperatesWith] }, new PageRequest(10), Ct);
        var link = Assert.Single(links.Items).Item;
        Assert.Equal(("a", "b", 4), (link.SourceId, link.TargetId, link.Intensity));
    }

    [Fact]
    public async Task DeletingAnAuthorityWithServices_IsRefused_UnlessTheServicesGoToo()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var services = (await temp.Store.GetNeighbourIdsAsync(["auth:belcombe"], LinkType.PartOf, LinkDirection.Incoming, Ct))["auth:belcombe"];

        var refused = await temp.Store.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("auth:belcombe", ["ids", 0])] }, Ct);
        var all = services.Prepend("auth:belcombe").Select((id, i) => new ItemDelete(id, ["ids", i])).ToList();
        var accepted = await temp.Store.WriteAsync(new GraphBatch { NodeDeletes = all }, Ct);

        Assert.Equal(UserErrorCodes.Constraint, Assert.Single(refused.Errors).Code);
        Assert.True(accepted.Succeeded);
        Assert.Empty(await temp.Store.GetNodesAsync(["auth:belcombe", .. services], Ct));
        Assert.Empty((await temp.Store.ListLinksAsync(new LinkQuery { NodeId = "auth:belcombe" }, new PageRequest(10), Ct)).Items);
    }

    [Fact]
    public async Task TerritoryParentsForminACycle_AreRefused()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteAsync(Nodes(
            new Territory { Id = "r", Code = "R", Name = "R", Level = TerritoryLevel.Region },
            new Territory { Id = "d", Code = "D", Name = "D", Level = TerritoryLevel.Departement, ParentId = "r" }), Ct);

        var result = await temp.Store.WriteAsync(Nodes(new Territory { Id = "r", Code = "R", Name = "R", Level = TerritoryLevel.Region, ParentId = "d" }), Ct);

        Assert.Equal(UserErrorCodes.Constraint, Assert.Single(result.Errors).Code);
        Assert.Null(Assert.IsType<Territory>(Assert.Single(await temp.Store.GetNodesAsync(["r"], Ct))).ParentId);
    }
}
