using CoopGraph.Domain.Model;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// A copy of the store holds each text its elements share once: the export reads every row's texts as new strings,
/// and a national graph's ten million links would otherwise each carry copies of their ends' ids and of their dataset's
/// name.
/// </summary>
public sealed class ReadModelBuilderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ACopyOfTheStore_HoldsEachSharedTextOnce_AndAnswersWithTheSameValues()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var builder = new ReadModelBuilder();
        var version = await temp.Store.ExportAsync(Viewer.Everything, builder, Ct);
        var snapshot = builder.Build(version, temp.Store, temp.Store);
        var everything = new PageRequest(10_000, null);
        var links = (await snapshot.ListLinksAsync(Viewer.Everything, new LinkQuery(), everything, Ct)).Items.Select(i => i.Item).ToList();
        var nodes = (await snapshot.ListNodesAsync(Viewer.Everything, new NodeQuery(), everything, Ct)).Items.Select(i => i.Item).ToList();
        Assert.NotEmpty(links);

        foreach (var link in links)
        {
            Assert.Same(snapshot.Node(Viewer.Everything, link.SourceId)!.Id, link.SourceId);
            Assert.Same(snapshot.Node(Viewer.Everything, link.TargetId)!.Id, link.TargetId);
        }
        // The demo's elements name a handful of sources: one instance each, whichever element carries it.
        var sources = nodes.Select(n => n.Source).Concat(links.Select(l => l.Source)).OfType<string>().ToList();
        Assert.True(sources.Count > sources.Distinct(StringComparer.Ordinal).Count());
        foreach (var group in sources.GroupBy(s => s, StringComparer.Ordinal))
        {
            Assert.All(group, s => Assert.Same(group.First(), s));
        }
        var untagged = nodes.Where(n => n.Tags.Count == 0).ToList();
        Assert.True(untagged.Count > 1);
        Assert.All(untagged, n => Assert.Same(untagged[0].Tags, n.Tags));

        // The same values as the store's own reads.
        var stored = await temp.Store.ListLinksAsync(Viewer.Everything, new LinkQuery(), everything, Ct);
        Assert.Equal(stored.Items.Select(i => i.Item), links);
        var storedNodes = await temp.Store.ListNodesAsync(Viewer.Everything, new NodeQuery(), everything, Ct);
        Assert.Equal(storedNodes.Items.Select(i => (i.Item.Id, i.Item.Name, i.Item.Source, string.Join(",", i.Item.Tags))),
            nodes.Select(n => (n.Id, n.Name, n.Source, string.Join(",", n.Tags))));
    }
}
