using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// A node with more links than <see cref="EmbeddedGraphStore.ManyLinks"/> has its pages read type by type: every page,
/// after every cursor, for every type filter and viewer, is the page the read model gives (which reads all links in
/// memory), and a node with few links read in the same call is unchanged.
/// </summary>
public sealed class BusyNodeLinksTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ABusyNodesPages_AreThePagesOfAllItsLinksInOrder_ForEveryViewerAndTypeFilter()
    {
        await using var temp = await TempStore.CreateAsync();
        const int actors = 330;
        var nodes = new List<NodeUpsert>
        {
            new(new Authority { Id = "auth:a", Name = "Ville A", Level = AuthorityLevel.Commune }, ["nodes", 0]),
            new(new Authority { Id = "auth:b", Name = "Ville B", Level = AuthorityLevel.Commune }, ["nodes", 1]),
            TestItems.Theme("theme:t1", 2), TestItems.Theme("theme:t2", 3),
            TestItems.ActorAt("hub", 4, "theme:t1", "theme:t2"),
            TestItems.ActorAt("quiet", 5),
        };
        nodes.AddRange(Enumerable.Range(0, actors).Select(i => TestItems.ActorAt($"a{i:D3}", 6 + i, i % 3 == 0 ? ["theme:t1"] : [])));
        await TestItems.WriteAsync(temp, new GraphBatch { Nodes = nodes });
        // Links in both directions and of several types, written in an order that interleaves them by seq; some private
        // to one authority or the other.
        var links = new List<LinkUpsert>();
        for (var i = 0; i < actors; i++)
        {
            var privateTo = (i % 7) switch { 0 => "auth:a", 1 => "auth:b", _ => null };
            links.Add(i % 2 == 0
                ? Link($"c{i:D3}", LinkType.CooperatesWith, $"a{i:D3}", "hub", privateTo)
                : Link($"c{i:D3}", LinkType.CooperatesWith, "hub", $"a{i:D3}", privateTo));
            if (i % 5 == 0)
            {
                links.Add(Link($"m{i:D3}", LinkType.MemberOf, $"a{i:D3}", "hub", null));
            }
        }
        links.Add(Link("q1", LinkType.CooperatesWith, "quiet", "a001", null));
        await TestItems.WriteAsync(temp, new GraphBatch { Links = links });

        var builder = new ReadModelBuilder();
        var version = await temp.Store.ExportAsync(Viewer.Everything, builder, Ct);
        var snapshot = builder.Build(version, temp.Store, temp.Store);
        var typeFilters = new IReadOnlyCollection<LinkType>?[] { null, [LinkType.CooperatesWith], [LinkType.MemberOf, LinkType.WorksOn] };
        var pages = 0;
        foreach (var viewer in new[] { Viewer.Everything, Viewer.Public, Viewer.BoundTo("auth:a") })
        {
            foreach (var types in typeFilters)
            {
                foreach (var size in new[] { 1, 10, 97 })
                {
                    string? after = null;
                    do
                    {
                        var request = new PageRequest(size, after);
                        var stored = await temp.Store.GetLinksOfNodesAsync(viewer, ["hub", "quiet"], types, request, Ct);
                        var held = await snapshot.GetLinksOfNodesAsync(viewer, ["hub", "quiet"], types, request, Ct);
                        foreach (var id in new[] { "hub", "quiet" })
                        {
                            Assert.Equal(held[id].TotalCount, stored[id].TotalCount);
                            Assert.Equal(held[id].HasNextPage, stored[id].HasNextPage);
                            Assert.Equal(held[id].Items.Select(i => (i.Item, i.Cursor)), stored[id].Items.Select(i => (i.Item, i.Cursor)));
                        }
                        after = stored["hub"].HasNextPage ? stored["hub"].Items[^1].Cursor : null;
                        pages++;
                    }
                    while (after is not null);
                }
            }
        }
        // The busy path was taken: the hub has more links than the bound for every viewer here.
        var everything = await temp.Store.GetLinksOfNodesAsync(Viewer.Public, ["hub"], null, new PageRequest(1), Ct);
        Assert.True(everything["hub"].TotalCount > EmbeddedGraphStore.ManyLinks);
        Assert.True(pages > 100);
    }

    private static LinkUpsert Link(string id, LinkType type, string source, string target, string? privateTo) =>
        new(new Link { Id = id, Type = type, SourceId = source, TargetId = target, PrivateTo = privateTo }, true, ["links", 0]);
}
