using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The read model follows writes by applying each write's changes to the snapshot it holds. After every write of a
/// random series — values rewritten in place, renames, new actors (some private) and links, links retargeted, deletions
/// with their cascades — the snapshot so made answers every read exactly as a whole new copy of the store does, whether
/// the write handed its changes over as it committed or they were read back when a reader asked for the new version.
/// </summary>
public sealed class ReadModelDeltaTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EachWritesChangesAppliedToTheSnapshot_AnswerAsAWholeCopyOfTheStoreDoes(bool followWrites)
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var provider = new ReadModelProvider(temp.Store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance,
            maxElements: 1_000_000, maxWait: TimeSpan.FromMinutes(1), followWrites);
        var held = Assert.IsType<ReadModelSnapshot>(await provider.ReaderAsync(Ct));
        var authority = (await IdsAsync(held, NodeKind.Authority))[0];
        var themes = await IdsAsync(held, NodeKind.Theme);
        var random = new Random(5);
        var shapes = new Dictionary<Reshapes, int>();

        for (var step = 0; step < 60; step++)
        {
            var (batch, reshapes) = RandomBatch(random, held, await IdsAsync(held, NodeKind.SseActor), authority, themes, step);
            var written = await temp.Store.WriteAsync(batch, Ct);
            Assert.True(written.Succeeded, $"step {step}: {TestItems.Messages(written)}");
            // Handed over: the snapshot of the new version is out before the write returns, no reader having asked.
            Assert.Equal(followWrites ? written.Version : held.Version, provider.Current!.Version);

            var applied = Assert.IsType<ReadModelSnapshot>(await provider.ReaderAsync(Ct));
            Assert.Equal(written.Version, applied.Version);
            Assert.Equal(step + 1, provider.ChangesApplied);
            Assert.Equal(followWrites ? step + 1 : 0, provider.ChangesHandedOver);
            Assert.Equal(reshapes == Reshapes.Nothing, applied.SharesIndexesWith(held));
            // Links only added after the others: the links' index is appended to, not built again.
            Assert.Equal(reshapes is Reshapes.Nothing or Reshapes.LinksAppended or Reshapes.NodesAppended or Reshapes.Text, applied.SharesLinkIndexWith(held));
            // Links added or removed around nodes that kept their place: the nodes' indexes (text index too) are kept.
            Assert.Equal(reshapes is Reshapes.Nothing or Reshapes.LinksAppended or Reshapes.Links, applied.SharesNodeIndexesWith(held));
            // Nodes only added after the others: those held keep their place and their index.
            Assert.Equal(reshapes != Reshapes.Nodes, applied.KeepsNodesOf(held));
            shapes[reshapes] = shapes.GetValueOrDefault(reshapes) + 1;
            // What a write into a large graph hands over: changes appended or made in place, never a build of the indexes.
            var delta = new ReadModelDelta();
            Assert.Equal(written.Version, await temp.Store.ExportChangesAsync(held.Version, 1_000_000, delta, Ct));
            Assert.Equal(reshapes is not (Reshapes.Links or Reshapes.Nodes), held.Apply(written.Version, delta, reindex: false) is not null);

            var copy = await CopyAsync(temp);
            var expected = await ReadsAsync(copy, authority);
            Assert.Equal(expected, await ReadsAsync(applied, authority));
            // Then with the text index of appended nodes built: searches and listings by text from it, no longer the store's.
            await applied.TextIndexBuiltAsync(Ct);
            Assert.Equal(expected, await ReadsAsync(applied, authority));
            held = applied;
        }
        Assert.All(Enum.GetValues<Reshapes>(), shape => Assert.InRange(shapes.GetValueOrDefault(shape), 4, 40));
    }

    [Fact]
    public async Task InALargeGraph_AWriteThatWouldBuildIndexesAgain_IsAppliedOffItsPath_AndAppendsAreHandedOver()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        // Every graph is large here: a write whose changes would build indexes again does not wait for them.
        var provider = new ReadModelProvider(temp.Store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance,
            maxElements: 1_000_000, maxWait: TimeSpan.FromMinutes(1), reindexedInWritesUpTo: 0);
        var held = Assert.IsType<ReadModelSnapshot>(await provider.ReaderAsync(Ct));
        var authority = (await IdsAsync(held, NodeKind.Authority))[0];
        var actors = await IdsAsync(held, NodeKind.SseActor);

        var appended = await temp.Store.WriteAsync(new GraphBatch
        {
            Links = [new LinkUpsert(new Link { Id = "test:appended", Type = LinkType.CooperatesWith, SourceId = actors[0], TargetId = actors[1] }, true, ["links", 0])],
        }, Ct);
        Assert.True(appended.Succeeded, TestItems.Messages(appended));
        Assert.Equal(appended.Version, provider.Current!.Version);
        Assert.Equal(1, provider.ChangesHandedOver);

        var deleted = await temp.Store.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete(actors[2], ["nodeDeletes", 0])] }, Ct);
        Assert.True(deleted.Succeeded, TestItems.Messages(deleted));
        Assert.Equal(appended.Version, provider.Current!.Version);
        Assert.Equal(1, provider.ChangesHandedOver);

        // The next reader's build applies the changes on a thread of its own.
        var read = Assert.IsType<ReadModelSnapshot>(await provider.ReaderAsync(Ct));
        Assert.Equal(deleted.Version, read.Version);
        Assert.Equal(2, provider.ChangesApplied);
        Assert.Null(read.Node(Viewer.Everything, actors[2]));
        Assert.Equal(await ReadsAsync(await CopyAsync(temp), authority), await ReadsAsync(read, authority));
    }

    [Fact]
    public async Task ChangesNoLongerKept_AreReadAsAWholeCopy()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var provider = new ReadModelProvider(temp.Store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance,
            maxElements: 1_000_000, maxWait: TimeSpan.FromMinutes(1), followWrites: false);
        await provider.ReaderAsync(Ct);
        var written = await temp.Store.WriteAsync(new GraphBatch { Nodes = [TestItems.Actor("test:late")] }, Ct);
        Assert.True(written.Succeeded, TestItems.Messages(written));
        // Forgets every change, this write's too: the snapshot held cannot be brought forward from the feed.
        Assert.True(await temp.Store.PruneChangesAsync(DateTimeOffset.UtcNow.AddDays(1), Ct) > 0);

        var read = Assert.IsType<ReadModelSnapshot>(await provider.ReaderAsync(Ct));

        Assert.Equal(written.Version, read.Version);
        Assert.Equal(0, provider.ChangesApplied);
        Assert.NotNull(read.Node(Viewer.Everything, "test:late"));
    }

    [Fact]
    public async Task RefusedWrites_HandNothingOver_AndTheNextWriteHandsOverAgain()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var provider = new ReadModelProvider(temp.Store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance,
            maxElements: 1_000_000, maxWait: TimeSpan.FromMinutes(1));
        var held = Assert.IsType<ReadModelSnapshot>(await provider.ReaderAsync(Ct));
        var region = (await IdsAsync(held, NodeKind.Territory)).First(id => ((Territory)held.Node(Viewer.Everything, id)!).ParentId is null);
        var child = (await IdsAsync(held, NodeKind.Territory)).First(id => ((Territory)held.Node(Viewer.Everything, id)!).ParentId == region);

        // Refused before anything is written (a link to nowhere), then after (the region made its child's child).
        var dangling = await temp.Store.WriteAsync(new GraphBatch
        {
            Links = [new LinkUpsert(new Link { Id = "test:dangling", Type = LinkType.WorksOn, SourceId = "test:none", TargetId = "test:nowhere" }, false, ["links", 0])],
        }, Ct);
        var cycle = await temp.Store.WriteAsync(new GraphBatch
        {
            Nodes = [new NodeUpsert((Territory)held.Node(Viewer.Everything, region)! with { ParentId = child }, ["nodes", 0])],
        }, Ct);
        Assert.False(dangling.Succeeded);
        Assert.False(cycle.Succeeded);
        Assert.Same(held, provider.Current);

        var written = await temp.Store.WriteAsync(new GraphBatch { Nodes = [TestItems.Actor("test:after")] }, Ct);
        Assert.True(written.Succeeded, TestItems.Messages(written));
        var applied = Assert.IsType<ReadModelSnapshot>(provider.Current);
        Assert.Equal(written.Version, applied.Version);
        Assert.Same(applied, await provider.ReaderAsync(Ct));
        Assert.NotNull(applied.Node(Viewer.Everything, "test:after"));
        Assert.Equal(1, provider.ChangesHandedOver);
    }

    /// <summary>What a write changes of the graph's shape, and so which of the snapshot's indexes are built again.</summary>
    private enum Reshapes
    {
        Nothing,
        LinksAppended,
        Links,
        NodesAppended,
        Text,
        Nodes,
    }

    private static (GraphBatch Batch, Reshapes Reshapes) RandomBatch(Random random, ReadModelSnapshot held, string[] actors, string authority, string[] themes, int step)
    {
        string Actor() => actors[random.Next(actors.Length)];
        SseActor Existing(string id) => (SseActor)held.Node(Viewer.Everything, id)!;
        switch (step % 7)
        {
            case 0:
                var forms = Enum.GetValues<LegalForm>();
                return (new GraphBatch
                {
                    Nodes = [.. actors.OrderBy(_ => random.Next()).Take(5).Select((id, i) =>
                        new NodeUpsert(Existing(id) with { LegalForm = forms[random.Next(forms.Length)], Siren = $"{random.Next(100_000_000, 999_999_999)}" }, ["nodes", i]))],
                }, Reshapes.Nothing);
            case 1:
                // Links rewritten in place: same ends, a note.
                var rewritten = actors.OrderBy(_ => random.Next()).Take(4)
                    .SelectMany(id => held.LinksOf(Viewer.Everything, id, null, new PageRequest(2, null)).Items.Select(i => i.Item))
                    .DistinctBy(l => l.Id).ToList();
                return (new GraphBatch { Links = [.. rewritten.Select((l, i) => new LinkUpsert(l with { Note = $"note {step}" }, true, ["links", i]))] }, Reshapes.Nothing);
            case 2 when step % 14 == 2:
                // Renamed in place: only the text index is built again.
                var id2 = Actor();
                return (new GraphBatch { Nodes = [new NodeUpsert(Existing(id2) with { Name = $"Atelier mobilité {step}", Description = random.Next(2) == 0 ? null : "jeunesse et emploi" }, ["nodes", 0])] }, Reshapes.Text);
            case 2:
                return (new GraphBatch { NodeDeletes = [new ItemDelete(Actor(), ["nodeDeletes", 0])] }, Reshapes.Nodes);
            case 3:
                var created = $"test:new-{step}";
                return (new GraphBatch
                {
                    Nodes = [new NodeUpsert(new SseActor { Id = created, Name = $"Coopérative {step}", LegalForm = LegalForm.Cooperative, PrivateTo = step % 4 == 3 ? authority : null }, ["nodes", 0])
                    {
                        Relations = [new RelationSet(LinkType.WorksOn, "themeIds", [.. themes.OrderBy(_ => random.Next()).Take(2)])],
                    }],
                    Links = [new LinkUpsert(new Link { Id = $"test:coop-{step}", Type = LinkType.CooperatesWith, SourceId = created, TargetId = Actor() }, true, ["links", 0])],
                }, Reshapes.NodesAppended);
            case 4:
                // Its themes replaced: links removed, others added.
                return (new GraphBatch
                {
                    Nodes = [new NodeUpsert(Existing(Actor()), ["nodes", 0]) { Relations = [new RelationSet(LinkType.WorksOn, "themeIds", [themes[random.Next(themes.Length)]])] }],
                }, Reshapes.Links);
            case 5:
                // A survey's answers: cooperation between actors held, some private, beside a link rewritten in place.
                var kept = held.LinksOf(Viewer.Everything, Actor(), null, new PageRequest(1, null)).Items.Select(i => i.Item);
                return (new GraphBatch
                {
                    Links =
                    [
                        .. kept.Select(l => new LinkUpsert(l with { Note = $"answered {step}" }, true, ["links", 0])),
                        .. Enumerable.Range(0, 1 + random.Next(3)).Select(i => new LinkUpsert(new Link
                        {
                            Id = $"test:answer-{step}-{i}", Type = LinkType.CooperatesWith, SourceId = Actor(), TargetId = Actor(),
                            Source = $"survey {step % 2}", PrivateTo = i == 1 ? authority : null,
                        }, true, ["links", i + 1])),
                    ],
                }, Reshapes.LinksAppended);
            default:
                var links = held.LinksOf(Viewer.Everything, Actor(), [LinkType.CooperatesWith], new PageRequest(100, null)).Items;
                return links.Count > 0 && random.Next(2) == 0
                    ? (new GraphBatch { LinkDeletes = [new ItemDelete(links[random.Next(links.Count)].Item.Id, ["linkDeletes", 0])] }, Reshapes.Links)
                    : (new GraphBatch { NodeDeletes = [new ItemDelete(Actor(), ["nodeDeletes", 0])] }, Reshapes.Nodes);
        }
    }

    private static async Task<ReadModelSnapshot> CopyAsync(TempStore temp)
    {
        var builder = new ReadModelBuilder();
        var version = await temp.Store.ExportAsync(Viewer.Everything, builder, Ct);
        return builder.Build(version, temp.Store, temp.Store);
    }

    /// <summary>Every read of the snapshot, written out: nodes whole, pages with cursors and totals, for three viewers.</summary>
    private static async Task<List<string>> ReadsAsync(ReadModelSnapshot snapshot, string authority)
    {
        var reads = new List<string>();
        var everything = new PageRequest(10_000, null);
        foreach (var viewer in new[] { Viewer.Everything, Viewer.Public, Viewer.BoundTo(authority) })
        {
            var counts = await snapshot.CountAsync(viewer, Ct);
            reads.Add($"counts {counts}");
            var nodes = await snapshot.ListNodesAsync(viewer, new NodeQuery(), everything, Ct);
            foreach (var item in nodes.Items)
            {
                reads.Add($"{item.Cursor} {Line(item.Item)}");
                reads.Add($"links of {item.Item.Id}: " + Page(snapshot.LinksOf(viewer, item.Item.Id, null, new PageRequest(3, null))));
                reads.Add($"works on of {item.Item.Id}: " + string.Join(",", snapshot.NeighbourIds(viewer, item.Item.Id, LinkType.WorksOn, LinkDirection.Outgoing) ?? []));
            }
            foreach (var kind in Enum.GetValues<NodeKind>())
            {
                // Every page: nodes appended since the snapshot's whole copy come last.
                reads.Add($"{kind}: " + Page(await snapshot.ListNodesAsync(viewer, new NodeQuery { Kinds = [kind] }, everything, Ct)));
            }
            reads.Add("actors and services: " + Page(await snapshot.ListNodesAsync(viewer, new NodeQuery { Kinds = [NodeKind.SseActor, NodeKind.Service] }, everything, Ct)));
            foreach (var theme in await IdsAsync(snapshot, NodeKind.Theme))
            {
                reads.Add($"theme {theme}: " + Page(await snapshot.ListNodesAsync(viewer, new NodeQuery { ThemeIds = [theme] }, new PageRequest(7, null), Ct)));
            }
            foreach (var territory in await IdsAsync(snapshot, NodeKind.Territory))
            {
                var code = ((Territory)snapshot.Node(Viewer.Everything, territory)!).Code;
                reads.Add($"territory {code}: " + Page(await snapshot.ListNodesAsync(viewer, new NodeQuery { TerritoryCode = code }, new PageRequest(7, null), Ct)));
            }
            foreach (var text in new[] { "mobilité", "atelier", "coop", "jeunesse emploi", "centre" })
            {
                reads.Add($"search {text}: " + string.Join(",", (await snapshot.SearchAsync(viewer, text, 10, Ct)).Select(n => n.Id)));
                reads.Add($"text {text}: " + Page(await snapshot.ListNodesAsync(viewer, new NodeQuery { Text = text }, new PageRequest(7, null), Ct)));
            }
            var links = await snapshot.ListLinksAsync(viewer, new LinkQuery(), everything, Ct);
            reads.AddRange(links.Items.Select(item => $"{item.Cursor} {Line(item.Item)}"));
            foreach (var type in Enum.GetValues<LinkType>())
            {
                reads.Add($"{type}: " + Page(await snapshot.ListLinksAsync(viewer, new LinkQuery { Types = [type] }, new PageRequest(7, null), Ct)));
            }
        }
        return reads;
    }

    private static async Task<string[]> IdsAsync(ReadModelSnapshot snapshot, NodeKind kind) =>
        [.. (await snapshot.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [kind] }, new PageRequest(10_000, null), Ct)).Items.Select(i => i.Item.Id)];

    private static string Page<T>(Page<T> page) where T : class =>
        $"{page.TotalCount} {page.HasNextPage} " + string.Join(",", page.Items.Select(i => i.Cursor + "=" + (i.Item as Node)?.Id + (i.Item as Link)?.Id));

    /// <summary>Every field of the element: a record writes them all but a list's items (a policy's domains).</summary>
    private static string Line(object item) => item is Policy policy ? $"{policy} [{string.Join(",", policy.Domains)}]" : item.ToString()!;
}
