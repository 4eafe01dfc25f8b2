using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests;

/// <summary>What only the embedded store does (a file on disk); the behaviour both stores share is in Contract/StoreContract.</summary>
public sealed class EmbeddedStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Initialize_CreatesTheDatabaseFile()
    {
        await using var temp = await TempStore.CreateAsync();

        Assert.True(File.Exists(temp.DatabasePath));
        Assert.Equal(new GraphCounts(0, 0, 0), await temp.Store.CountAsync(Viewer.Everything, Ct));
    }

    [Fact]
    public async Task Writes_PersistAcrossReopening()
    {
        await using var temp = await TempStore.CreateAsync();
        var theme = new Theme { Id = "t1", Name = "Theme", Domain = PolicyDomain.Youth };

        await temp.Store.WriteAsync(new GraphBatch { Nodes = [new NodeUpsert(theme, ["input", 0])] }, Ct);
        var reopened = temp.Open();
        await reopened.InitializeAsync(Ct);

        Assert.Equal(1, await reopened.GetVersionAsync(Ct));
        Assert.Equal("t1", Assert.Single(await reopened.GetNodesAsync(Viewer.Everything, ["t1"], Ct)).Id);
    }
}
