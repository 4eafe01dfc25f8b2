using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Tests;

public sealed class EmbeddedStoreReadTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private TempStore _temp = null!;

    private IGraphStore Store => _temp.Store;

    public async Task InitializeAsync() => _temp = await TempStore.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task Search_IgnoresAccents_MatchesPrefixes_AndTreatsSyntaxAsText()
    {
        var found = await Store.SearchAsync("epicerie solid", 5, Ct);
        var hostile = await Store.SearchAsync("\" OR name:* NEAR(", 5, Ct);

        Assert.Equal("sse:epicerie-passerelle", found[0].Id);
        Assert.Empty(hostile);
    }

    [Fact]
    public async Task Paging_WalksTheWholeListingOnce()
    {
        var query = new NodeQuery { Kinds = [NodeKind.SseActor] };
        var seen = new List<string>();
        string? after = null;
        long total;
        do
        {
            var page = await Store.ListNodesAsync(query, new PageRequest(7, after), Ct);
            total = page.TotalCount;
            seen.AddRange(page.Items.Select(i => i.Item.Id));
            after = page.HasNextPage ? page.Items[^1].Cursor : null;
        }
        while (after is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count >= 60);
    }

    [Fact]
    public async Task TerritoryFilter_TakesActorsLocatedBelowTheTerritory()
    {
        var inDepartement = await Store.ListNodesAsync(new NodeQuery { Kinds = [NodeKind.SseActor], TerritoryCode = "D97" }, new PageRequest(100), Ct);
        var inCommune = await Store.ListNodesAsync(new NodeQuery { Kinds = [NodeKind.SseActor], TerritoryCode = "97201" }, new PageRequest(100), Ct);

        Assert.Contains(inDepartement.Items, i => i.Item.Id == "sse:covoit-rural");
        Assert.DoesNotContain(inDepartement.Items, i => i.Item.Id == "sse:garage-solidaire");
        Assert.True(inCommune.TotalCount < inDepartement.TotalCount);
        Assert.All(inCommune.Items, i => Assert.Contains(i.Item.Id, inDepartement.Items.Select(d => d.Item.Id)));
    }

    [Fact]
    public async Task DomainFilter_UsesAServicesDomain_AndOtherActorsThemes()
    {
        var page = await Store.ListNodesAsync(new NodeQuery { Kinds = [NodeKind.Service, NodeKind.SseActor], Domains = [PolicyDomain.Transport] }, new PageRequest(100), Ct);
        var ids = page.Items.Select(i => i.Item.Id).ToList();

        Assert.Contains("svc:cu-mobility", ids);
        Assert.Contains("sse:garage-solidaire", ids);
        Assert.DoesNotContain("svc:region-youth", ids);
        Assert.DoesNotContain("sse:epicerie-passerelle", ids);
    }

    [Fact]
    public async Task LinksOfNodes_AnswersForManyNodesInOneCall_WithPerNodePages()
    {
        var ids = new[] { "sse:garage-solidaire", "svc:city-ccas", "theme:heritage", "nobody" };

        var pages = await Store.GetLinksOfNodesAsync(ids, [LinkType.CooperatesWith], new PageRequest(2), Ct);
        var all = await Store.GetLinksOfNodesAsync(ids, [LinkType.CooperatesWith], new PageRequest(100), Ct);
        var next = await Store.GetLinksOfNodesAsync(["svc:city-ccas"], [LinkType.CooperatesWith], new PageRequest(100, pages["svc:city-ccas"].Items[^1].Cursor), Ct);

        Assert.Equal(2, pages["sse:garage-solidaire"].Items.Count);
        Assert.True(pages["sse:garage-solidaire"].HasNextPage);
        Assert.Equal(all["svc:city-ccas"].TotalCount, pages["svc:city-ccas"].TotalCount);
        Assert.Equal(0, pages["theme:heritage"].TotalCount);
        Assert.Empty(pages["nobody"].Items);
        Assert.Equal(all["svc:city-ccas"].Items.Skip(2).Select(i => i.Item.Id), next["svc:city-ccas"].Items.Select(i => i.Item.Id));
        Assert.All(all["svc:city-ccas"].Items, i => Assert.True(i.Item.SourceId == "svc:city-ccas" || i.Item.TargetId == "svc:city-ccas"));
    }

    [Fact]
    public async Task ForgedCursor_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.ListNodesAsync(new NodeQuery(), new PageRequest(5, "x'; DROP TABLE nodes; --"), Ct));
    }

    [Fact]
    public async Task Export_StreamsEveryNodeAndLink_FromOneSnapshot()
    {
        var counts = await Store.CountAsync(Ct);
        var graph = new GraphCollector();

        var version = await Store.ExportAsync(graph, Ct);

        Assert.Equal((counts.Nodes, counts.Links, counts.Version), (graph.Nodes.Count, graph.Links.Count, version));
    }

    [Fact]
    public async Task ExportToATopologySink_GivesTheSameLinks_WithOnlyTheirIdsTypesEndsAndDates()
    {
        var full = new GraphCollector();
        var topology = new TopologyCollector();

        await Store.ExportAsync(full, Ct);
        await Store.ExportAsync(topology, Ct);

        Assert.Equal(
            full.Links.Select(l => (l.Id, l.Type, l.SourceId, l.TargetId, l.Since, l.Until)),
            topology.Links.Select(l => (l.Id, l.Type, l.SourceId, l.TargetId, l.Since, l.Until)));
        Assert.Contains(full.Links, l => l.Note is not null || l.Intensity is not null);
        Assert.All(topology.Links, l => Assert.True(l.Note is null && l.Intensity is null && l.Amount is null && l.CooperationKind is null));
        Assert.Equal(full.Nodes.Count, topology.Nodes.Count);
    }
}
