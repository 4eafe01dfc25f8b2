using CoopGraph.Domain.Model;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Graph.Tests;

/// <summary>The demo must hold enough of everything for every analysis to have something to show.</summary>
public sealed class DemoDatasetTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Demo_LoadsIntoAnEmptyStore_WithTheSizesTheFoundationAsksFor()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var graph = new GraphCollector();
        await temp.Store.ExportAsync(Viewer.Everything, graph, Ct);
        var (nodes, links) = (graph.Nodes, graph.Links);

        var authorities = nodes.OfType<Authority>().ToList();
        var partOf = links.Where(l => l.Type == LinkType.PartOf).ToLookup(l => l.TargetId);
        Assert.True(authorities.Count >= 8);
        Assert.True(authorities.Select(a => a.Level).Distinct().Count() >= 5);
        Assert.All(authorities, a => Assert.InRange(partOf[a.Id].Count(l => nodes.Single(n => n.Id == l.SourceId) is Service), 4, 10));
        Assert.True(nodes.OfType<SseActor>().Count() >= 60);
        Assert.True(nodes.OfType<University>().Count() >= 6);
        Assert.True(nodes.OfType<InnovationLab>().Count() >= 3);
        Assert.True(nodes.OfType<Policy>().Count() >= 15);
        Assert.Equal(Enum.GetValues<Instrument>().Order(), nodes.OfType<Policy>().Select(p => p.Instrument).Distinct().Order());
        Assert.True(nodes.OfType<Theme>().Count() >= 25);
        Assert.True(links.Count >= 300);
        Assert.Contains(links, l => l.Type == LinkType.AppliedTo);
    }

    [Fact]
    public async Task Demo_ContainsTransversalLinks_AndASiloAuthority()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var graph = new GraphCollector();
        await temp.Store.ExportAsync(Viewer.Everything, graph, Ct);
        var nodes = graph.Nodes.ToDictionary(n => n.Id);
        var links = graph.Links;
        var themesOf = links.Where(l => l.Type == LinkType.WorksOn).ToLookup(l => l.SourceId, l => ((Theme)nodes[l.TargetId]).Domain);
        DomainSet DomainsOf(string id) => nodes[id] is Service s ? DomainSet.Of(s.Domain) : DomainSet.Of(themesOf[id]);
        bool Transversal(Link l) => !DomainsOf(l.SourceId).IsEmpty && !DomainsOf(l.TargetId).IsEmpty && !DomainsOf(l.SourceId).Overlaps(DomainsOf(l.TargetId));
        var cooperation = links.Where(l => l.Type == LinkType.CooperatesWith).ToList();
        var silo = links.Where(l => l.Type == LinkType.PartOf && l.TargetId == "auth:dep-ms").Select(l => l.SourceId).ToHashSet();

        Assert.Contains(cooperation, Transversal);
        Assert.DoesNotContain(cooperation.Where(l => silo.Contains(l.SourceId) || silo.Contains(l.TargetId)), Transversal);
    }
}
