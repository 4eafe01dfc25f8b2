using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

using static CoopGraph.Graph.Tests.TestItems;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// Entity reads run on connections kept open with their statements prepared: each read must still see the last commit
/// of any writer (another store object writes here, as another process would), and the connections are reused rather
/// than opened for each read.
/// </summary>
public sealed class ReadSessionsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task EveryEntityRead_OnKeptConnections_SeesTheLastCommitOfAnyWriter()
    {
        await using var temp = await TempStore.CreateAsync();
        var reader = temp.Store;
        var writer = temp.Open();
        for (var i = 0; i < 5; i++)
        {
            var name = $"Atelier partagé {i}";
            Assert.True((await writer.WriteAsync(new GraphBatch
            {
                Nodes = [new NodeUpsert(new SseActor { Id = "a", Name = name, LegalForm = LegalForm.Association }, ["nodes", 0]), ActorAt($"b{i}", 1)],
                Links = [new LinkUpsert(new Link { Id = $"ab{i}", Type = LinkType.CooperatesWith, SourceId = "a", TargetId = $"b{i}" }, true, ["links", 0])],
            }, Ct)).Succeeded);

            // Many reads at once on the pool's threads, so that several sessions are opened and kept, each asked again.
            var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => (
                Node: (await reader.GetNodesAsync(Viewer.Public, ["a"], Ct)).Single(),
                Links: (await reader.GetLinksOfNodesAsync(Viewer.Public, ["a"], null, new PageRequest(50, null), Ct))["a"],
                Neighbours: (await reader.GetNeighbourIdsAsync(Viewer.Public, ["a"], LinkType.CooperatesWith, LinkDirection.Outgoing, Ct))["a"],
                Listed: await reader.ListNodesAsync(Viewer.Public, new NodeQuery(), new PageRequest(50, null), Ct),
                Found: await reader.SearchAsync(Viewer.Public, $"partagé {i}", 5, Ct),
                Counts: await reader.CountAsync(Viewer.Public, Ct)))));
            Assert.All(reads, read =>
            {
                Assert.Equal(name, ((SseActor)read.Node).Name);
                Assert.Equal(i + 1, read.Links.TotalCount);
                Assert.Equal(Enumerable.Range(0, i + 1).Select(k => $"b{k}"), read.Neighbours.Order(StringComparer.Ordinal));
                Assert.Equal(i + 2, read.Listed.TotalCount);
                Assert.Equal("a", Assert.Single(read.Found).Id);
                Assert.Equal(i + 2, read.Counts.Nodes);
            });
        }
        // Kept and reused: far fewer connections than the 480 reads above.
        Assert.InRange(reader.ReadConnectionsOpened, 1, 32);

        // Disposed, the store closes what it kept; a read after it opens a connection of its own.
        var opened = reader.ReadConnectionsOpened;
        reader.Dispose();
        Assert.Single(await reader.GetNodesAsync(Viewer.Public, ["a"], Ct));
        Assert.Equal(opened + 1, reader.ReadConnectionsOpened);
    }

    [Fact]
    public async Task SequentialReads_ReuseOneConnection()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(5, (await temp.Store.ListNodesAsync(Viewer.Public, new NodeQuery(), new PageRequest(5, null), Ct)).Items.Count);
        }
        Assert.Equal(1, temp.Store.ReadConnectionsOpened);
    }
}
