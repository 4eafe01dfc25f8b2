using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Changes;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>The change feed: every committed write's changes in order, as each viewer may see them, kept for a while.</summary>
public abstract partial class StoreContract
{
    private static async Task<List<Change>> ChangesAsync(IGraphStore graph, Viewer viewer, long since)
    {
        var feed = Assert.IsAssignableFrom<IChangeFeed>(graph);
        var page = await feed.ReadChangesAsync(viewer, new ChangeQuery(0, 1000, since), Ct);
        Assert.False(page.HasNextPage);
        Assert.Equal(page.Items.Count, page.TotalCount);
        return page.Items.Select(i => i.Item).ToList();
    }

    private static async Task<long> WriteAsync(IGraphStore graph, GraphBatch batch)
    {
        var result = await graph.WriteAsync(batch, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Version;
    }

    [ContractFact]
    public async Task TheChangeFeed_RecordsUpsertsDeletionsAndCascades_InCommitOrder()
    {
        await using var store = await OpenEmptyAsync();
        var graph = store.Graph;
        var v0 = await graph.GetVersionAsync(Ct);
        var v1 = await WriteAsync(graph, new GraphBatch
        {
            Nodes = [new NodeUpsert(new SseActor { Id = "sse:one", Name = "Un", LegalForm = LegalForm.Association }, ["n", 0]),
                     new NodeUpsert(new SseActor { Id = "sse:two", Name = "Deux", LegalForm = LegalForm.Association }, ["n", 1])],
            Links = [Upsert("coop:one-two", LinkType.CooperatesWith, "sse:one", "sse:two")],
        });
        var v2 = await WriteAsync(graph, new GraphBatch { Nodes = [new NodeUpsert(new SseActor { Id = "sse:one", Name = "Un, renommé", LegalForm = LegalForm.Association }, ["n", 0])] });
        var v3 = await WriteAsync(graph, new GraphBatch { NodeDeletes = [new ItemDelete("sse:two", ["d", 0])] });

        var changes = await ChangesAsync(graph, Viewer.Everything, v0);

        var byVersion = changes.GroupBy(c => c.Version).ToDictionary(g => g.Key, g => g.Select(c => $"{c.Op} {c.Id}").Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, byVersion.Count);
        Assert.Equal(["Upsert coop:one-two", "Upsert sse:one", "Upsert sse:two"], byVersion[v1]);
        Assert.Equal(["Upsert sse:one"], byVersion[v2]);
        // The link went with its node: a cascade, recorded too.
        Assert.Equal(["Delete coop:one-two", "Delete sse:two"], byVersion[v3]);
        Assert.Equal(changes.Select(c => c.Seq).Order().ToList(), changes.Select(c => c.Seq).ToList());
        Assert.Equal(NodeKind.SseActor, changes.First(c => c.Id == "sse:one").NodeKind);
        Assert.Equal(LinkType.CooperatesWith, changes.First(c => c.Id == "coop:one-two").LinkType);
        Assert.False(changes.First(c => c.Id == "sse:one").WasVisible);
        Assert.True(changes.Last(c => c.Id == "sse:one").WasVisible);
        Assert.Empty(await ChangesAsync(graph, Viewer.Everything, v3));
        // Readers that only page on skip the count: the same changes, no total.
        var uncounted = await Assert.IsAssignableFrom<IChangeFeed>(graph).ReadChangesAsync(Viewer.Everything, new ChangeQuery(0, 1000, v0, CountAll: false), Ct);
        Assert.Equal(changes.Select(c => c.Seq), uncounted.Items.Select(i => i.Item.Seq));
        Assert.Equal(0, uncounted.TotalCount);
    }

    [ContractFact]
    public async Task EachViewer_SeesTheChangesOfWhatItCanSee_AndADeletionOfWhatItSaw()
    {
        await using var store = await OpenEmptyAsync();
        var graph = store.Graph;
        var start = await graph.GetVersionAsync(Ct);
        await WritePrivateScenarioAsync(graph);
        var before = await graph.GetVersionAsync(Ct);
        await WriteAsync(graph, new GraphBatch
        {
            Nodes = [new NodeUpsert(new SseActor { Id = "sse:a", Name = "Garage Aubeterre, désormais public", LegalForm = LegalForm.Association }, ["n", 0])],
        });
        await WriteAsync(graph, new GraphBatch { NodeDeletes = [new ItemDelete("svc:b", ["d", 0])] });

        var fromStartByPublic = await ChangesAsync(graph, Viewer.Public, start);
        var laterByPublic = await ChangesAsync(graph, Viewer.Public, before);
        var laterByA = await ChangesAsync(graph, AsA, before);
        var laterByB = await ChangesAsync(graph, AsB, before);

        // Private data never shows to others: not its writes, not its deletion.
        Assert.DoesNotContain(fromStartByPublic, c => c.Id is "svc:a" or "pol:a" or "svc:b" or "coop:a-p1" or "coop:p1-p2" or "coop:b-p1");
        Assert.Contains(await ChangesAsync(graph, AsA, start), c => c.Id == "svc:a" && c.Op == ChangeOp.Upsert);
        // Made public: a creation for those who could not see it, an update for its authority.
        var madePublic = Assert.Single(laterByPublic, c => c.Id == "sse:a");
        Assert.Equal(ChangeOp.Upsert, madePublic.Op);
        Assert.False(madePublic.WasVisible);
        Assert.True(Assert.Single(laterByA, c => c.Id == "sse:a").WasVisible);
        // B's private service went: B sees its deletion and that of its private link; nobody else sees either.
        Assert.Contains(laterByB, c => c.Id == "svc:b" && c.Op == ChangeOp.Delete);
        Assert.Contains(laterByB, c => c.Id == "coop:b-p1" && c.Op == ChangeOp.Delete);
        Assert.DoesNotContain(laterByA, c => c.Id is "svc:b" or "coop:b-p1");
        Assert.DoesNotContain(laterByPublic, c => c.Id is "svc:b" or "coop:b-p1");
    }

    [ContractFact]
    public async Task AWriteThatDeletesTheLastRows_AndAddsNewOnes_RecordsEveryNewRow()
    {
        await using var store = await OpenEmptyAsync();
        var graph = store.Graph;
        await WriteAsync(graph, new GraphBatch
        {
            Nodes = [new NodeUpsert(new SseActor { Id = "sse:first", Name = "Premier", LegalForm = LegalForm.Association }, ["n", 0]),
                     new NodeUpsert(new SseActor { Id = "sse:last", Name = "Dernier", LegalForm = LegalForm.Association }, ["n", 1])],
            Links = [Upsert("coop:first-last", LinkType.CooperatesWith, "sse:first", "sse:last")],
        });
        var before = await graph.GetVersionAsync(Ct);

        // The last node and link written go, and new ones come in the same write: a table that gives each new row one
        // more than its largest seq hands the deleted rows' seqs out again.
        var version = await WriteAsync(graph, new GraphBatch
        {
            Nodes = [new NodeUpsert(new SseActor { Id = "sse:first", Name = "Premier, renommé", LegalForm = LegalForm.Association }, ["n", 0]),
                     new NodeUpsert(new SseActor { Id = "sse:new-a", Name = "Nouveau A", LegalForm = LegalForm.Association }, ["n", 1]),
                     new NodeUpsert(new SseActor { Id = "sse:new-b", Name = "Nouveau B", LegalForm = LegalForm.Association }, ["n", 2])],
            Links = [Upsert("coop:first-a", LinkType.CooperatesWith, "sse:first", "sse:new-a"),
                     Upsert("coop:a-b", LinkType.CooperatesWith, "sse:new-a", "sse:new-b")],
            NodeDeletes = [new ItemDelete("sse:last", ["d", 0])],
        });
        var changes = await ChangesAsync(graph, Viewer.Everything, before);

        Assert.All(changes, c => Assert.Equal(version, c.Version));
        Assert.Equal(
            ["Delete coop:first-last", "Delete sse:last", "Upsert coop:a-b", "Upsert coop:first-a", "Upsert sse:first", "Upsert sse:new-a", "Upsert sse:new-b"],
            changes.Select(c => $"{c.Op} {c.Id}").Order(StringComparer.Ordinal));
        Assert.True(changes.Single(c => c.Id == "sse:first").WasVisible);
        Assert.All(changes.Where(c => c.Id.Contains("new", StringComparison.Ordinal) || c.Id is "coop:first-a" or "coop:a-b"), c => Assert.False(c.WasVisible));
        // Nodes come before the links that need them, so that a partner applying the feed in order can write each link.
        Assert.True(changes.FindIndex(c => c.Id == "sse:new-b") < changes.FindIndex(c => c.Id == "coop:a-b"));
    }

    [ContractFact]
    public async Task ChangesPruned_AreNoLongerGiven_AndAskingFromBeforeThemIsExpired()
    {
        await using var store = await OpenEmptyAsync();
        var graph = store.Graph;
        var v0 = await graph.GetVersionAsync(Ct);
        await WriteAsync(graph, new GraphBatch
        {
            Nodes = [new NodeUpsert(new SseActor { Id = "sse:old", Name = "Ancien", LegalForm = LegalForm.Association }, ["n", 0]),
                     new NodeUpsert(new SseActor { Id = "sse:older", Name = "Plus ancien", LegalForm = LegalForm.Association }, ["n", 1])],
        });
        var feed = Assert.IsAssignableFrom<IChangeFeed>(graph);
        var cursor = (await feed.ReadChangesAsync(Viewer.Everything, new ChangeQuery(0, 1, v0), Ct)).Items[0].Item.Seq;

        var removed = await feed.PruneChangesAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct);
        var v2 = await WriteAsync(graph, new GraphBatch { Nodes = [new NodeUpsert(new SseActor { Id = "sse:new", Name = "Nouveau", LegalForm = LegalForm.Association }, ["n", 0])] });

        Assert.Equal(2, removed);
        var expired = await Assert.ThrowsAsync<ChangesExpiredException>(() => feed.ReadChangesAsync(Viewer.Everything, new ChangeQuery(0, 10, v0), Ct));
        Assert.Equal(v2 - 1, expired.OldestVersion);
        await Assert.ThrowsAsync<ChangesExpiredException>(() => feed.ReadChangesAsync(Viewer.Everything, new ChangeQuery(cursor, 10), Ct));
        var kept = await ChangesAsync(graph, Viewer.Everything, v2 - 1);
        Assert.Equal(["sse:new"], kept.Select(c => c.Id));
    }
}
