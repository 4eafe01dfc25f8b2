using CoopGraph.Domain.Model;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>The store contract: listings, filters, search and export.</summary>
public abstract partial class StoreContract
{
    [ContractFact]
    public async Task Search_IgnoresAccents_MatchesPrefixes_AndTreatsSyntaxAsText()
    {
        await using var store = await OpenDemoAsync();

        var found = await store.Graph.SearchAsync(Viewer.Everything, "epicerie solid", 5, Ct);
        var hostile = await store.Graph.SearchAsync(Viewer.Everything, "\" OR name:* NEAR(", 5, Ct);

        Assert.Equal("sse:epicerie-passerelle", found[0].Id);
        Assert.Empty(hostile);
    }

    [ContractFact]
    public async Task Paging_WalksTheWholeListingOnce_InTheOrderItemsWereWritten()
    {
        await using var store = await OpenDemoAsync();
        var query = new NodeQuery { Kinds = [NodeKind.SseActor] };
        var seen = new List<string>();
        string? after = null;
        long total;
        do
        {
            var page = await store.Graph.ListNodesAsync(Viewer.Everything, query, new PageRequest(7, after), Ct);
            total = page.TotalCount;
            seen.AddRange(page.Items.Select(i => i.Item.Id));
            after = page.HasNextPage ? page.Items[^1].Cursor : null;
        }
        while (after is not null);
        var written = Demo.DemoDataset.Load().Nodes.Where(u => u.Node.Kind == NodeKind.SseActor).Select(u => u.Node.Id).ToList();

        Assert.Equal(total, seen.Count);
        Assert.Equal(written, seen);
    }

    [ContractFact]
    public async Task TheTerritoryFilter_TakesActorsLocatedBelowTheTerritory()
    {
        await using var store = await OpenDemoAsync();

        var inDepartement = await store.Graph.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [NodeKind.SseActor], TerritoryCode = "D97" }, new PageRequest(100), Ct);
        var inCommune = await store.Graph.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [NodeKind.SseActor], TerritoryCode = "97201" }, new PageRequest(100), Ct);

        Assert.Contains(inDepartement.Items, i => i.Item.Id == "sse:covoit-rural");
        Assert.DoesNotContain(inDepartement.Items, i => i.Item.Id == "sse:garage-solidaire");
        Assert.True(inCommune.TotalCount < inDepartement.TotalCount);
        Assert.All(inCommune.Items, i => Assert.Contains(i.Item.Id, inDepartement.Items.Select(d => d.Item.Id)));
    }

    [ContractFact]
    public async Task TheDomainFilter_UsesAServicesDomain_AndOtherActorsThemes()
    {
        await using var store = await OpenDemoAsync();

        var page = await store.Graph.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [NodeKind.Service, NodeKind.SseActor], Domains = [PolicyDomain.Transport] }, new PageRequest(100), Ct);
        var ids = page.Items.Select(i => i.Item.Id).ToList();

        Assert.Contains("svc:cu-mobility", ids);
        Assert.Contains("sse:garage-solidaire", ids);
        Assert.DoesNotContain("svc:region-youth", ids);
        Assert.DoesNotContain("sse:epicerie-passerelle", ids);
        Assert.Equal(ids.Count, page.TotalCount);
    }

    [ContractFact]
    public async Task TheTextFilter_CombinesWithTheOthers()
    {
        await using var store = await OpenDemoAsync();

        var page = await store.Graph.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [NodeKind.SseActor], Text = "épicerie" }, new PageRequest(10), Ct);
        var nothing = await store.Graph.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [NodeKind.Service], Text = "épicerie" }, new PageRequest(10), Ct);

        Assert.Contains(page.Items, i => i.Item.Id == "sse:epicerie-passerelle");
        Assert.All(page.Items, i => Assert.Equal(NodeKind.SseActor, i.Item.Kind));
        Assert.Equal(0, nothing.TotalCount);
    }

    [ContractFact]
    public async Task LinksOfNodes_AnswersForManyNodesInOneCall_WithPerNodePages()
    {
        await using var store = await OpenDemoAsync();
        var ids = new[] { "sse:garage-solidaire", "svc:city-ccas", "theme:heritage", "nobody" };

        var pages = await store.Graph.GetLinksOfNodesAsync(Viewer.Everything, ids, [LinkType.CooperatesWith], new PageRequest(2), Ct);
        var all = await store.Graph.GetLinksOfNodesAsync(Viewer.Everything, ids, [LinkType.CooperatesWith], new PageRequest(100), Ct);
        var next = await store.Graph.GetLinksOfNodesAsync(Viewer.Everything, ["svc:city-ccas"], [LinkType.CooperatesWith], new PageRequest(100, pages["svc:city-ccas"].Items[^1].Cursor), Ct);

        Assert.Equal(2, pages["sse:garage-solidaire"].Items.Count);
        Assert.True(pages["sse:garage-solidaire"].HasNextPage);
        Assert.Equal(all["svc:city-ccas"].TotalCount, pages["svc:city-ccas"].TotalCount);
        Assert.Equal(0, pages["theme:heritage"].TotalCount);
        Assert.Empty(pages["nobody"].Items);
        Assert.Equal(all["svc:city-ccas"].Items.Skip(2).Select(i => i.Item.Id), next["svc:city-ccas"].Items.Select(i => i.Item.Id));
        // Totals count every link of the node, on a first page as after a cursor.
        Assert.Equal(all["sse:garage-solidaire"].Items.Count, pages["sse:garage-solidaire"].TotalCount);
        Assert.Equal(all["svc:city-ccas"].TotalCount, next["svc:city-ccas"].TotalCount);
        var last = await store.Graph.GetLinksOfNodesAsync(Viewer.Everything, ["svc:city-ccas"], [LinkType.CooperatesWith], new PageRequest(100, all["svc:city-ccas"].Items[^1].Cursor), Ct);
        Assert.Empty(last["svc:city-ccas"].Items);
        Assert.Equal(all["svc:city-ccas"].TotalCount, last["svc:city-ccas"].TotalCount);
        Assert.All(all["svc:city-ccas"].Items, i => Assert.True(i.Item.SourceId == "svc:city-ccas" || i.Item.TargetId == "svc:city-ccas"));
    }

    [ContractFact]
    public async Task TheLinkListing_FiltersByNodeTypeKindAndDate()
    {
        await using var store = await OpenDemoAsync();
        var everything = new List<Link>();
        string? after = null;
        do
        {
            var page = await store.Graph.ListLinksAsync(Viewer.Everything, new LinkQuery(), new PageRequest(50, after), Ct);
            everything.AddRange(page.Items.Select(i => i.Item));
            after = page.HasNextPage ? page.Items[^1].Cursor : null;
        }
        while (after is not null);
        var at = new DateOnly(2016, 6, 1);
        var query = new LinkQuery { Types = [LinkType.CooperatesWith], CooperationKinds = [CooperationKind.Partnership], ValidAt = at };

        var filtered = await store.Graph.ListLinksAsync(Viewer.Everything, query, new PageRequest(500), Ct);
        var ofNode = await store.Graph.ListLinksAsync(Viewer.Everything, new LinkQuery { NodeId = "svc:city-ccas" }, new PageRequest(500), Ct);

        var expected = everything.Where(l => l.Type == LinkType.CooperatesWith && l.CooperationKind == CooperationKind.Partnership
            && (l.Since is null || l.Since <= at) && (l.Until is null || l.Until >= at)).Select(l => l.Id);
        Assert.Equal((await store.Graph.CountAsync(Viewer.Everything, Ct)).Links, everything.Count);
        Assert.Equal(expected, filtered.Items.Select(i => i.Item.Id));
        Assert.Equal(everything.Where(l => l.SourceId == "svc:city-ccas" || l.TargetId == "svc:city-ccas").Select(l => l.Id), ofNode.Items.Select(i => i.Item.Id));
    }

    [ContractFact]
    public async Task TheLinkListing_FiltersByYearRangeInstrumentAndAmount()
    {
        await using var store = await OpenDemoAsync();
        var everything = await AllLinksAsync(store, new LinkQuery());
        static int? YearOf(Link l) => l.Year ?? l.Since?.Year;

        var recentGrants = await AllLinksAsync(store, new LinkQuery { FromYear = 2023, ToYear = 2023, Instruments = [Instrument.Subsidy, Instrument.CallForProjects] });
        var midSized = await AllLinksAsync(store, new LinkQuery { MinAmount = 40_000m, MaxAmount = 120_000m });
        var begunBy2015 = await AllLinksAsync(store, new LinkQuery { Types = [LinkType.CooperatesWith], ToYear = 2015 });

        Assert.Equal(
            everything.Where(l => YearOf(l) == 2023 && l.Type == LinkType.Funds && l.Instrument is Instrument.Subsidy or Instrument.CallForProjects).Select(l => l.Id),
            recentGrants.Select(l => l.Id));
        Assert.Equal(everything.Where(l => l.Amount is >= 40_000m and <= 120_000m).Select(l => l.Id), midSized.Select(l => l.Id));
        Assert.Equal(everything.Where(l => l.Type == LinkType.CooperatesWith && l.Since?.Year <= 2015).Select(l => l.Id), begunBy2015.Select(l => l.Id));
        // The bounds are inclusive and the demo has grants at both: a filter that dropped them would differ above.
        Assert.Contains(midSized, l => l.Amount == 40_000m);
        Assert.Contains(midSized, l => l.Amount == 120_000m);
        Assert.NotEmpty(recentGrants);
        Assert.NotEmpty(begunBy2015);
    }

    private static async Task<List<Link>> AllLinksAsync(StoreUnderTest store, LinkQuery query)
    {
        var links = new List<Link>();
        string? after = null;
        do
        {
            var page = await store.Graph.ListLinksAsync(Viewer.Everything, query, new PageRequest(50, after), Ct);
            links.AddRange(page.Items.Select(i => i.Item));
            after = page.HasNextPage ? page.Items[^1].Cursor : null;
        }
        while (after is not null);
        Assert.Equal(links.Count, (await store.Graph.ListLinksAsync(Viewer.Everything, query, new PageRequest(1), Ct)).TotalCount);
        return links;
    }

    [ContractFact]
    public async Task AForgedCursor_IsRefused()
    {
        await using var store = await OpenDemoAsync();

        await Assert.ThrowsAsync<InvalidCursorException>(() => store.Graph.ListNodesAsync(Viewer.Everything, new NodeQuery(), new PageRequest(5, "x'; DROP TABLE nodes; --"), Ct));
    }

    [ContractFact]
    public async Task TheExport_StreamsEveryNodeAndLink_AsTheReadsGiveThem()
    {
        await using var store = await OpenDemoAsync();
        var counts = await store.Graph.CountAsync(Viewer.Everything, Ct);
        var graph = new GraphCollector();

        var version = await store.Graph.ExportAsync(Viewer.Everything, graph, Ct);
        var nodes = await store.Graph.GetNodesAsync(Viewer.Everything, graph.Nodes.Select(n => n.Id).ToList(), Ct);
        var links = await store.Graph.GetLinksAsync(Viewer.Everything, graph.Links.Select(l => l.Id).ToList(), Ct);

        Assert.Equal((counts.Nodes, counts.Links, counts.Version), (graph.Nodes.Count, graph.Links.Count, version));
        Assert.Equal(graph.Nodes.Select(Comparable).Order(StringComparer.Ordinal), nodes.Select(Comparable).Order(StringComparer.Ordinal));
        Assert.Equal(graph.Links.OrderBy(l => l.Id, StringComparer.Ordinal), links.OrderBy(l => l.Id, StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task ExportToATopologySink_GivesTheSameLinks_WithOnlyTheirIdsTypesEndsAndDates_AndFundingFigures()
    {
        await using var store = await OpenDemoAsync();
        var full = new GraphCollector();
        var topology = new TopologyCollector();

        await store.Graph.ExportAsync(Viewer.Everything, full, Ct);
        await store.Graph.ExportAsync(Viewer.Everything, topology, Ct);

        Assert.Equal(
            full.Links.Select(l => (l.Id, l.Type, l.SourceId, l.TargetId, l.Since, l.Until)),
            topology.Links.Select(l => (l.Id, l.Type, l.SourceId, l.TargetId, l.Since, l.Until)));
        Assert.Contains(full.Links, l => l.Note is not null || l.Intensity is not null);
        Assert.All(topology.Links, l => Assert.True(l.Note is null && l.Intensity is null && l.CooperationKind is null));
        // The projection sums money: FUNDS links keep their amount, year and instrument, and only they have any.
        Assert.Equal(
            full.Links.Where(l => l.Type == LinkType.Funds).Select(l => (l.Id, l.Amount, l.Year, l.Instrument, l.Domain)),
            topology.Links.Where(l => l.Type == LinkType.Funds).Select(l => (l.Id, l.Amount, l.Year, l.Instrument, l.Domain)));
        Assert.All(topology.Links.Where(l => l.Type != LinkType.Funds), l => Assert.True(l.Amount is null && l.Year is null && l.Instrument is null && l.Domain is null));
        Assert.Contains(topology.Links, l => l.Domain is not null);
        Assert.Equal(full.Nodes.Count, topology.Nodes.Count);
    }
}
