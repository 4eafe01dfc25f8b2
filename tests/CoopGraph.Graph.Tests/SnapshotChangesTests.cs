using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// Each snapshot made from a write's changes says what they changed, element by element, and is announced before it
/// becomes current: what kept answers rely on to know which of them the new version alters.
/// </summary>
public sealed class SnapshotChangesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ALinkWrittenAgainAsItWas_ChangesNothing_AndANodeWrittenAgainChangesItsUpdatedAt()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: false);
        var (provider, published) = await FollowingAsync(temp);
        var actor = new SseActor { Id = "test:a", Name = "Atelier", LegalForm = LegalForm.Association };
        await TestItems.WriteAsync(temp, new GraphBatch
        {
            Nodes = [new NodeUpsert(actor, ["nodes", 0]), TestItems.ActorAt("test:b", 1)],
            Links = [TestItems.Upsert(Coop("test:l", "test:a", "test:b"))],
        });
        var before = provider.Current!;

        await TestItems.WriteAsync(temp, new GraphBatch { Links = [TestItems.Upsert(Coop("test:l", "test:a", "test:b"))] });
        var unchanged = provider.Current!.Changes!;
        Assert.Equal((before.Version, provider.Current.Version), (unchanged.Since, unchanged.Version));
        Assert.True(unchanged.IsEmpty, Describe(unchanged));
        Assert.Equal([before.Version, provider.Current.Version], published.TakeLast(2));

        await TestItems.WriteAsync(temp, new GraphBatch { Nodes = [new NodeUpsert(actor, ["nodes", 0])] });
        var rewritten = provider.Current!.Changes!;
        Assert.Equal(["test:a"], rewritten.Nodes);
        Assert.Empty(rewritten.Links);
        Assert.Empty(rewritten.Ends);
    }

    [Fact]
    public async Task ARenamedNode_IsANodeChange_AndALinkAddedOrRemoved_ChangesBothEnds()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: false);
        var (provider, _) = await FollowingAsync(temp);
        await TestItems.WriteAsync(temp, new GraphBatch { Nodes = [TestItems.Actor("test:a"), TestItems.ActorAt("test:b", 1), TestItems.ActorAt("test:c", 2)] });

        await TestItems.WriteAsync(temp, new GraphBatch { Nodes = [new NodeUpsert(new SseActor { Id = "test:a", Name = "Renommé", LegalForm = LegalForm.Association }, ["nodes", 0])] });
        var renamed = provider.Current!.Changes!;
        Assert.Equal(["test:a"], renamed.Nodes);
        Assert.Empty(renamed.Links);
        Assert.Empty(renamed.Ends);

        await TestItems.WriteAsync(temp, new GraphBatch { Links = [TestItems.Upsert(Coop("test:ab", "test:a", "test:b"))] });
        var linked = provider.Current!.Changes!;
        Assert.Empty(linked.Nodes);
        Assert.Equal(["test:ab"], linked.Links);
        Assert.Equal(["test:a", "test:b"], linked.Ends.Order(StringComparer.Ordinal));

        await TestItems.WriteAsync(temp, new GraphBatch { LinkDeletes = [new ItemDelete("test:ab", ["linkDeletes", 0])] });
        var unlinked = provider.Current!.Changes!;
        Assert.Equal(["test:ab"], unlinked.Links);
        Assert.Equal(["test:a", "test:b"], unlinked.Ends.Order(StringComparer.Ordinal));

        await TestItems.WriteAsync(temp, new GraphBatch { NodeDeletes = [new ItemDelete("test:c", ["nodeDeletes", 0])] });
        var removed = provider.Current!.Changes!;
        Assert.Equal(["test:c"], removed.Nodes);
        Assert.Contains("test:c", removed.Ends);
        Assert.DoesNotContain("test:a", removed.Nodes);
    }

    [Fact]
    public async Task AWholeCopy_SaysNothingOfChanges()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: false);
        var (provider, published) = await FollowingAsync(temp);

        Assert.Null(provider.Current!.Changes);
        Assert.Equal([provider.Current.Version], published);
    }

    /// <summary>A read model that follows the store's writes, its first snapshot built, and the versions it announced.</summary>
    private static async Task<(ReadModelProvider Provider, List<long> Published)> FollowingAsync(TempStore temp)
    {
        var provider = new ReadModelProvider(temp.Store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance,
            maxElements: 1_000_000, maxWait: TimeSpan.FromMinutes(1));
        var published = new List<long>();
        provider.Publishing += snapshot =>
        {
            // Announced before it is current: the current one is still the snapshot it was made from.
            Assert.Equal(snapshot.Changes?.Since, snapshot.Changes is null ? null : provider.Current?.Version);
            published.Add(snapshot.Version);
        };
        await provider.ReaderAsync(Ct);
        return (provider, published);
    }

    private static Link Coop(string id, string source, string target) => new()
    {
        Id = id, Type = LinkType.CooperatesWith, SourceId = source, TargetId = target, CooperationKind = CooperationKind.Partnership, Intensity = 2,
    };

    private static string Describe(SnapshotChanges changes) =>
        $"nodes [{string.Join(", ", changes.Nodes)}], links [{string.Join(", ", changes.Links)}], ends [{string.Join(", ", changes.Ends)}]";
}
