using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using Microsoft.Data.Sqlite;

using static CoopGraph.Graph.Tests.TestItems;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// Batches of a load into an empty store checked while the previous ones are written: every write's result must be
/// what a plain write would have given at that moment, whatever happens between the check and the write.
/// </summary>
public sealed class PlanAheadTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static NodeUpsert Territory(string id, string code, string? parent, int index) =>
        new(new Territory { Id = id, Code = code, Name = id, Level = TerritoryLevel.Commune, ParentId = parent }, ["nodes", index]);

    private static LinkUpsert Cooperation(string id, string source, string target, int intensity) =>
        new(new Link { Id = id, Type = LinkType.CooperatesWith, SourceId = source, TargetId = target, Intensity = intensity }, true, ["links", 0]);

    [Fact]
    public async Task BatchesCheckedAhead_SeeTheBatchesBeforeThem_AndAreWrittenAsChecked()
    {
        await using var temp = await TempStore.CreateAsync();
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            // Both are checked before either is written: the second can only pass because the first is taken in.
            var themes = await load.PrepareAsync(new GraphBatch { Nodes = [Theme("t1")] }, Ct);
            var actor = await load.PrepareAsync(new GraphBatch { Nodes = [Actor("a1", "t1")] }, Ct);
            var refused = await load.PrepareAsync(new GraphBatch { Nodes = [Actor("a2", "nowhere")] }, Ct);

            Assert.Empty(themes.Errors);
            Assert.Empty(actor.Errors);
            Assert.Equal(UserErrorCodes.NotFound, Assert.Single(refused.Errors).Code);
            Assert.True((await load.WriteAsync(themes, Ct)).Succeeded);
            Assert.True((await load.WriteAsync(actor, Ct)).Succeeded);
            await Assert.ThrowsAsync<ArgumentException>(() => load.WriteAsync(refused, Ct));
        }

        Assert.Equal(["t1"], (await temp.Store.GetNeighbourIdsAsync(Viewer.Everything, ["a1"], LinkType.WorksOn, LinkDirection.Outgoing, Ct))["a1"]);
        Assert.Empty(await temp.Store.GetNodesAsync(Viewer.Everything, ["a2"], Ct));
    }

    [Fact]
    public async Task WhenAWriteFails_TheBatchesCheckedAfterIt_AreCheckedAgain()
    {
        await using var temp = await TempStore.CreateAsync();
        WriteResult cycle, located;
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            // Two territories each the parent of the other: only SQLite finds the cycle, when the batch is written.
            var territories = await load.PrepareAsync(new GraphBatch { Nodes = [Territory("c1", "01001", "c2", 0), Territory("c2", "01002", "c1", 1)] }, Ct);
            var place = new NodeUpsert(new SseActor { Id = "a1", Name = "a1", LegalForm = LegalForm.Association }, ["nodes", 0])
            {
                Relations = [new RelationSet(LinkType.LocatedIn, "territoryCode", ["01001"], RefsAreTerritoryCodes: true)],
            };
            var actor = await load.PrepareAsync(new GraphBatch { Nodes = [place] }, Ct);
            Assert.Empty(actor.Errors);

            cycle = await load.WriteAsync(territories, Ct);
            located = await load.WriteAsync(actor, Ct);
        }

        Assert.Equal(2, cycle.Errors.Count);
        // Checked ahead, the actor's territory existed; written after the failure, it is checked again and does not.
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single(located.Errors).Code);
        Assert.Equal(0, (await temp.Store.CountAsync(Viewer.Everything, Ct)).Nodes);
    }

    [Fact]
    public async Task AWriteBetweenTheCheckAndTheWrite_IsSeenByTheWrite()
    {
        await using var temp = await TempStore.CreateAsync();
        WriteResult theme;
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            var prepared = await load.PrepareAsync(new GraphBatch { Nodes = [Theme("x")] }, Ct);
            Assert.Empty(prepared.Errors);
            // Someone else (a mutation) writes "x" as another kind while the load's batch waits for its turn.
            var authority = new NodeUpsert(new Authority { Id = "x", Name = "x", Level = AuthorityLevel.Commune }, ["nodes", 0]);
            Assert.True((await temp.Store.WriteAsync(new GraphBatch { Nodes = [authority] }, Ct)).Succeeded);

            theme = await load.WriteAsync(prepared, Ct);
        }

        Assert.Equal(UserErrorCodes.KindConflict, Assert.Single(theme.Errors).Code);
        Assert.IsType<Authority>(Assert.Single(await temp.Store.GetNodesAsync(Viewer.Everything, ["x"], Ct)));
    }

    [Fact]
    public async Task ABatchThatNeedsTheStore_WaitsForTheWritesBeforeIt()
    {
        await using var temp = await TempStore.CreateAsync();
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            var first = await load.PrepareAsync(new GraphBatch { Nodes = [Theme("t1"), Actor("a1"), Actor("a2")], Links = [Cooperation("c", "a1", "a2", 1)] }, Ct);
            // The same link again: whether it exists is SQLite's to say, once the first batch is written.
            var again = await load.PrepareAsync(new GraphBatch { Links = [Cooperation("c", "a2", "a1", 3)] }, Ct);
            var after = load.PrepareAsync(new GraphBatch { Nodes = [Theme("t2")] }, Ct);

            Assert.False(after.IsCompleted);
            Assert.True((await load.WriteAsync(first, Ct)).Succeeded);
            Assert.False(after.IsCompleted);
            Assert.True((await load.WriteAsync(again, Ct)).Succeeded);
            Assert.True((await load.WriteAsync(await after.WaitAsync(TimeSpan.FromSeconds(10)), Ct)).Succeeded);
        }

        var link = Assert.Single(await temp.Store.GetLinksAsync(Viewer.Everything, ["c"], Ct));
        Assert.Equal(3, link.Intensity);
    }

    [Fact]
    public async Task PreparedWritesNeverWritten_DoNotHoldTheNextLoadBack()
    {
        await using var temp = await TempStore.CreateAsync();
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            var first = await load.PrepareAsync(new GraphBatch { Nodes = [Actor("a1"), Actor("a2")], Links = [Cooperation("c", "a1", "a2", 1)] }, Ct);
            Assert.True((await load.WriteAsync(first, Ct)).Succeeded);
            // Needs the store, so the next batch would wait for it; the load ends (cancelled) before it is written.
            _ = await load.PrepareAsync(new GraphBatch { Links = [Cooperation("c", "a1", "a2", 2)] }, Ct);
        }
        var store = temp.Store;
        Assert.True((await store.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("a1", ["ids", 0]), new ItemDelete("a2", ["ids", 1])] }, Ct)).Succeeded);

        // Empty again, so the next load checks ahead too.
        await using (var load = await store.BeginBulkLoadAsync(Ct))
        {
            var next = await load.PrepareAsync(new GraphBatch { Nodes = [Theme("t9")] }, Ct).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True((await load.WriteAsync(next, Ct)).Succeeded, "a prepared write");
        }
        Assert.Single(await store.GetNodesAsync(Viewer.Everything, ["t9"], Ct));
    }

    [Fact]
    public async Task ALoadCheckedAhead_LeavesForeignKeysOn_ForEveryLaterWrite()
    {
        await using var temp = await TempStore.CreateAsync();
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            var prepared = await load.PrepareAsync(new GraphBatch { Nodes = [Actor("a1"), Actor("a2")], Links = [Cooperation("c", "a1", "a2", 1)] }, Ct);
            Assert.True((await load.WriteAsync(prepared, Ct)).Succeeded);
        }

        // The pooled connection the load wrote through is the one handed out next.
        await using var connection = await temp.Store.Connections.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
        command.CommandText = "INSERT INTO links (id, type, source_id, target_id) VALUES ('dangling', 'COOPERATES_WITH', 'a1', 'nobody')";
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));
        Assert.Contains("FOREIGN KEY", refused.Message, StringComparison.Ordinal);
    }
}
