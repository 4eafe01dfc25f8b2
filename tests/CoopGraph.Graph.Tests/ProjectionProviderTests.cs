using CoopGraph.Tests.Shared;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Projections;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests;

public sealed class ProjectionProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Projection_IsReused_UntilTheStoreChanges_ThenRebuiltOnce()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var provider = new ProjectionProvider(temp.Store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance, TimeSpan.FromMinutes(1));

        var first = await provider.GetAsync(Ct);
        var again = await provider.GetAsync(Ct);
        await temp.Store.WriteAsync(new GraphBatch { Nodes = [new NodeUpsert(new Theme { Id = "theme:new", Name = "New", Domain = PolicyDomain.Sport }, ["input", 0])] }, Ct);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetAsync(Ct)));

        Assert.Same(first, again);
        Assert.Equal(await temp.Store.GetVersionAsync(Ct), concurrent[0].Version);
        Assert.All(concurrent, p => Assert.Same(concurrent[0], p));
        Assert.NotNull(concurrent[0].Find("theme:new"));
        Assert.Null(first.Find("theme:new"));
    }

    [Fact]
    public async Task Projection_MatchesTheStore()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var provider = new ProjectionProvider(temp.Store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance);

        var projection = await provider.GetAsync(Ct);
        var counts = await temp.Store.CountAsync(Viewer.Everything, Ct);

        Assert.Equal((counts.Nodes, counts.Links, counts.Version), (projection.NodeCount, projection.LinkCount, projection.Version));
        var ccas = projection.Find("svc:city-ccas")!.Value;
        Assert.Equal(6, projection.Cooperation.Degree(ccas));
        Assert.Equal(DomainSet.Of(PolicyDomain.Social).Bits, projection.Domains[ccas]);
        var garage = projection.Find("sse:garage-solidaire")!.Value;
        Assert.Equal(DomainSet.Of([PolicyDomain.Transport, PolicyDomain.Employment]).Bits, projection.Domains[garage]);
        Assert.Equal("98101", projection.Ids[projection.Location[garage]].Replace("terr:", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DuringARebuild_ReadersGetThePreviousProjection_ThenTheNewOne_NeverAMix()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var store = new GatedExportStore(temp.Store);
        var provider = new ProjectionProvider(store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance, TimeSpan.FromMilliseconds(50));
        var before = await provider.GetAsync(Ct);

        store.Close();
        await temp.Store.WriteAsync(new GraphBatch { Nodes = [new NodeUpsert(new Theme { Id = "theme:during", Name = "During", Domain = PolicyDomain.Sport }, ["input", 0])] }, Ct);
        var whileBuilding = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => provider.GetAsync(Ct)));
        store.Release();
        var after = await WaitForVersionAsync(provider, await temp.Store.GetVersionAsync(Ct));

        Assert.All(whileBuilding, p => Assert.Same(before, p));
        Assert.Null(before.Find("theme:during"));
        Assert.Equal(before.NodeCount + 1, after.NodeCount);
        Assert.NotNull(after.Find("theme:during"));
        Assert.Equal(2, store.Exports);
    }

    [Fact]
    public async Task AReaderWaitsForARebuildThatIncludesItsVersion_ButNotForOneOfAnOlderVersion()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var store = new GatedExportStore(temp.Store);
        var provider = new ProjectionProvider(store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance, TimeSpan.FromMinutes(1));
        var before = await provider.GetAsync(Ct);

        store.Close();
        await temp.Store.WriteAsync(Theme("theme:second"), Ct);
        var waiting = provider.GetAsync(Ct);
        Assert.True(await Eventually.HoldsAsync(() => store.Exports == 2, TimeSpan.FromSeconds(30)));
        await temp.Store.WriteAsync(Theme("theme:third"), Ct);
        var meanwhile = await provider.GetAsync(Ct);

        Assert.False(waiting.IsCompleted);
        Assert.Same(before, meanwhile);
        store.Release();
        var second = await waiting;
        Assert.NotNull(second.Find("theme:second"));
        Assert.NotNull((await WaitForVersionAsync(provider, await temp.Store.GetVersionAsync(Ct))).Find("theme:third"));
    }

    [Fact]
    public async Task WhenRebuildsTakeLongerThanTheWait_AReaderDoesNotWaitAtAll()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var store = new GatedExportStore(temp.Store);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var provider = new ProjectionProvider(store, time, NullLogger<ProjectionProvider>.Instance, TimeSpan.FromSeconds(2));
        store.Close();
        var first = provider.GetAsync(Ct);
        Assert.True(await Eventually.HoldsAsync(() => store.Exports == 1, TimeSpan.FromSeconds(30)));
        time.Advance(TimeSpan.FromSeconds(3));
        store.Release();
        var before = await first;

        store.Close();
        await temp.Store.WriteAsync(Theme("theme:later"), Ct);
        // The last rebuild took 3 s (on this clock), more than the 2 s a reader may wait, and ended just now: the reader
        // answers from the previous projection at once. Were it to wait, it would wait for a clock that does not move,
        // and time out here.
        var answer = await provider.GetAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        store.Release();

        Assert.Same(before, answer);
        Assert.Equal(1, store.Exports);
        // Slow rebuilds are also spaced by their own length: once that has passed, the next reader starts one, which
        // ends before the store's files go.
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.NotNull((await WaitForVersionAsync(provider, await temp.Store.GetVersionAsync(Ct))).Find("theme:later"));
    }

    private static GraphBatch Theme(string id) =>
        new() { Nodes = [new NodeUpsert(new Theme { Id = id, Name = id, Domain = PolicyDomain.Sport }, ["input", 0])] };

    [Fact]
    public async Task AFirstReader_WaitsForTheFirstProjection_HoweverLongItTakes()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var store = new GatedExportStore(temp.Store);
        var provider = new ProjectionProvider(store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance, TimeSpan.Zero);
        store.Close();

        var reading = provider.GetAsync(Ct);
        Assert.True(await Eventually.HoldsAsync(() => store.Exports == 1, TimeSpan.FromSeconds(30)));
        Assert.False(reading.IsCompleted);
        store.Release();

        Assert.Equal(await temp.Store.GetVersionAsync(Ct), (await reading).Version);
    }


    private static async Task<Domain.Analytics.Projection.GraphProjection> WaitForVersionAsync(ProjectionProvider provider, long version)
    {
        for (var i = 0; i < 3000; i++)
        {
            var projection = await provider.GetAsync(Ct);
            if (projection.Version >= version)
            {
                return projection;
            }
            await Task.Delay(10, Ct);
        }
        throw new TimeoutException($"No projection of version {version}.");
    }
}
