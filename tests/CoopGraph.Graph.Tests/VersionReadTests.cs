using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The version is read on connections kept open between reads: each read must still see the last commit, whoever
/// wrote it (another store object writes here, as another process would).
/// </summary>
public sealed class VersionReadTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task EveryVersionRead_OnKeptConnections_SeesTheLastCommitOfAnyWriter()
    {
        await using var temp = await TempStore.CreateAsync();
        var reader = temp.Store;
        var writer = temp.Open();
        var expected = await reader.GetVersionAsync(Ct);
        for (var i = 0; i < 5; i++)
        {
            // Reads on the pool's threads at once, so that several connections are opened and kept.
            Assert.All(await ReadManyAsync(reader), version => Assert.Equal(expected, version));
            var written = await writer.WriteAsync(new GraphBatch
            {
                Nodes = [new NodeUpsert(new Theme { Id = $"t:kept:{i}", Name = $"Thème {i}", Domain = PolicyDomain.Culture }, ["nodes", 0])],
            }, Ct);
            Assert.True(written.Succeeded);
            expected = await writer.GetVersionAsync(Ct);
            Assert.All(await ReadManyAsync(reader), version => Assert.Equal(expected, version));
        }

        // Disposed, the store closes what it kept; a read after it opens a connection of its own.
        reader.Dispose();
        Assert.Equal(expected, await reader.GetVersionAsync(Ct));
    }

    private static Task<long[]> ReadManyAsync(Embedded.EmbeddedGraphStore store) =>
        Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => store.GetVersionAsync(Ct))));
}
