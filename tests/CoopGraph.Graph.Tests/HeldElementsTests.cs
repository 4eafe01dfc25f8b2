using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// A snapshot that follows writes keeps what a write left as it was: the element (a node's object, a link's row) when
/// it was written again unchanged, the texts it did not change otherwise. A re-import of mostly unchanged rows then
/// leaves the read model's objects where they are instead of making each one again.
/// </summary>
public sealed class HeldElementsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ALinkWrittenAgainUnchanged_KeepsItsRow_AndAChangedOneKeepsItsUnchangedTexts()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: false);
        var provider = await FollowingAsync(temp);
        var link = new Link
        {
            Id = "test:coop", Type = LinkType.CooperatesWith, SourceId = "test:a", TargetId = "test:b",
            CooperationKind = Domain.Model.CooperationKind.Partnership, Intensity = 3, Source = "test-source", Note = "first",
        };
        await TestItems.WriteAsync(temp, new GraphBatch { Nodes = [TestItems.Actor("test:a"), TestItems.ActorAt("test:b", 1)], Links = [TestItems.Upsert(link)] });
        var before = provider.Current!;
        var held = before.Link(Viewer.Everything, link.Id)!;
        Assert.Equal(link, held);

        await TestItems.WriteAsync(temp, new GraphBatch { Links = [TestItems.Upsert(link with { })] });
        var unchanged = provider.Current!;
        Assert.True(unchanged.Version > before.Version);
        Assert.True(unchanged.SharesIndexesWith(before));
        Assert.True(unchanged.SharesLinkRowWith(before, link.Id));
        Assert.Equal(held, unchanged.Link(Viewer.Everything, link.Id));

        await TestItems.WriteAsync(temp, new GraphBatch { Links = [TestItems.Upsert(link with { Note = "second", Intensity = 4 })] });
        var changed = provider.Current!;
        var now = changed.Link(Viewer.Everything, link.Id)!;
        Assert.True(changed.SharesIndexesWith(before));
        Assert.False(changed.SharesLinkRowWith(before, link.Id));
        Assert.Equal(("second", 4), (now.Note, now.Intensity));
        Assert.Same(held.SourceId, now.SourceId);
        Assert.Same(held.Source, now.Source);
        // The snapshot before still answers as it did.
        Assert.Equal("first", before.Link(Viewer.Everything, link.Id)!.Note);
    }

    [Fact]
    public async Task ANodeWrittenAgainInPlace_KeepsTheTextsItLeftAlone()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: false);
        var provider = await FollowingAsync(temp);
        var actor = new SseActor { Id = "test:actor", Name = "Atelier partagé", LegalForm = LegalForm.Association, Source = "test-source", Tags = ["a", "b"] };
        await TestItems.WriteAsync(temp, new GraphBatch { Nodes = [new NodeUpsert(actor, ["nodes", 0])] });
        var before = provider.Current!;
        var held = Assert.IsType<SseActor>(before.Node(Viewer.Everything, actor.Id));

        await TestItems.WriteAsync(temp, new GraphBatch { Nodes = [new NodeUpsert(actor with { Siren = "123456789" }, ["nodes", 0])] });
        var after = provider.Current!;
        var now = Assert.IsType<SseActor>(after.Node(Viewer.Everything, actor.Id));

        Assert.True(after.SharesIndexesWith(before));
        Assert.Equal("123456789", now.Siren);
        Assert.Null(held.Siren);
        Assert.Same(held.Name, now.Name);
        Assert.Same(held.Source, now.Source);
        Assert.Same(held.Tags, now.Tags);
    }

    /// <summary>A read model that follows the store's writes, its first snapshot built.</summary>
    private static async Task<ReadModelProvider> FollowingAsync(TempStore temp)
    {
        var provider = new ReadModelProvider(temp.Store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance,
            maxElements: 1_000_000, maxWait: TimeSpan.FromMinutes(1));
        await provider.ReaderAsync(Ct);
        return provider;
    }
}
