using CoopGraph.Domain.Model;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The read model's adjacency: each node's links and each type's in seq order, whether the links were indexed together
/// or appended since, one write at a time.
/// </summary>
public sealed class LinkAdjacencyTests
{
    private const int Nodes = 40;
    private static readonly LinkType[] Types = [LinkType.CooperatesWith, LinkType.WorksOn, LinkType.LocatedIn];

    [Fact]
    public void LinksAppendedInWrites_AreFoundAsIfAllWereIndexedTogether()
    {
        var random = new Random(11);
        var all = RandomLinks(random, 300);
        var adjacency = LinkAdjacency.Build(Nodes, Columns(all[..200]));
        var versions = new List<(LinkAdjacency Adjacency, int Length)> { (adjacency, 200) };
        for (var at = 200; at < all.Length;)
        {
            // Writes of one to twenty links, loops and a node's many links among them.
            var take = Math.Min(all.Length - at, 1 + random.Next(20));
            var written = all[at..(at + take)];
            adjacency = adjacency.Appended([.. written.Select(l => l.Source)], [.. written.Select(l => l.Target)]);
            at += take;
            versions.Add((adjacency, at));
        }

        foreach (var (held, length) in versions)
        {
            var whole = LinkAdjacency.Build(Nodes, Columns(all[..length]));
            Assert.Equal(length, held.Length);
            Assert.Equal(200, held.Indexed);
            Assert.True(held.SharesCsrWith(versions[0].Adjacency));
            for (var node = 0; node < Nodes; node++)
            {
                Assert.Equal(whole.Of(node).ToList(), held.Of(node).ToList());
                Assert.Equal(whole.Of(node).Count, held.Of(node).Count);
                Assert.Equal(Expected(all[..length], node), held.Of(node).ToList());
            }
            foreach (var type in Types)
            {
                var ofType = held.IndexedOfType(type).Concat(Enumerable.Range(held.Indexed, length - held.Indexed).Where(i => all[i].Type == type));
                Assert.Equal(whole.IndexedOfType(type), ofType);
            }
        }
    }

    [Fact]
    public void PastAShareOfTheGraphAppended_IndexingIsWanted()
    {
        var links = RandomLinks(new Random(3), 64);
        var adjacency = LinkAdjacency.Build(Nodes, Columns(links), minAppended: 10);

        Assert.False(adjacency.WantsIndexing(10));
        Assert.True(adjacency.WantsIndexing(11));
        var appended = adjacency.Appended([1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6, 7]);
        Assert.False(appended.WantsIndexing(4));
        Assert.True(appended.WantsIndexing(5));
        // The default: a 32nd of the graph's links, at least the minimum.
        Assert.False(LinkAdjacency.Build(Nodes, Columns(links)).WantsIndexing(LinkAdjacency.DefaultMinAppended));
        Assert.True(LinkAdjacency.Build(Nodes, Columns(links)).WantsIndexing(LinkAdjacency.DefaultMinAppended + 1));
    }

    [Fact]
    public void AnAppendedLinkWithOneEnd_IsRefused()
    {
        var adjacency = LinkAdjacency.Build(Nodes, Columns(RandomLinks(new Random(4), 5)));

        Assert.Throws<ArgumentException>(() => adjacency.Appended([1, 2], [3]));
    }

    private static List<int> Expected((int Source, int Target, LinkType Type)[] links, int node) =>
        [.. Enumerable.Range(0, links.Length).Where(i => links[i].Source == node || links[i].Target == node)];

    private static (int Source, int Target, LinkType Type)[] RandomLinks(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            // A busy node (0) is an end of a third of the links; some links are loops.
            var source = random.Next(3) == 0 ? 0 : random.Next(Nodes);
            var target = random.Next(10) == 0 ? source : random.Next(Nodes);
            return (source, target, Types[random.Next(Types.Length)]);
        })];

    private static LinkColumns Columns((int Source, int Target, LinkType Type)[] links)
    {
        var builder = new LinkColumns.Builder(TextTable.Empty);
        for (var i = 0; i < links.Length; i++)
        {
            var link = new Link { Id = $"l:{i}", Type = links[i].Type, SourceId = $"n:{links[i].Source}", TargetId = $"n:{links[i].Target}" };
            builder.Add(link.Id, new LinkRow(link, builder.Texts), i + 1, links[i].Source, links[i].Target);
        }
        return builder.Build();
    }
}
