using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.ReadModel;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Tests;

/// <summary>A bulk load into an empty store defers the neighbourhood and search indexes and always gets them back.</summary>
public sealed class BulkLoadTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static GraphBatch Themes(params string[] names) => new()
    {
        Nodes = names.Select((name, i) => new NodeUpsert(new Theme { Id = $"t:{i}:{name}", Name = name, Domain = PolicyDomain.Culture }, ["nodes", i])).ToList(),
    };

    private static async Task<string> SchemaAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT group_concat(name || ':' || coalesce(sql, ''), char(10)) FROM (SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name)";
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task IntoAnEmptyStore_IndexesAreDeferred_ThenRestoredExactly_AndSearchFindsTheLoad()
    {
        await using var fresh = await TempStore.CreateAsync();
        await using var temp = await TempStore.CreateAsync();
        var freshSchema = await SchemaAsync(fresh.DatabasePath);

        string during;
        await using (await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await temp.Store.WriteAsync(Themes("Mobilité solidaire", "Épicerie sociale"), Ct)).Succeeded);
            during = await SchemaAsync(temp.DatabasePath);
        }
        var after = await SchemaAsync(temp.DatabasePath);
        var found = await temp.Store.SearchAsync(Viewer.Everything, "epicerie", 10, Ct);

        Assert.DoesNotContain("ix_links_source", during, StringComparison.Ordinal);
        Assert.DoesNotContain("nodes_fts_insert", during, StringComparison.Ordinal);
        // Written through WriteAsync, checked against SQLite: the unique link indexes were built back for it.
        Assert.Contains("ux_links_ends", during, StringComparison.Ordinal);
        Assert.Equal(freshSchema, after);
        Assert.Equal(["Épicerie sociale"], found.Select(n => n.Name));
    }

    [Fact]
    public async Task WhileIndexesAreDeferred_TheChangesSinceAVersion_AreNotRead_ThenAreOnceRestored()
    {
        await using var temp = await TempStore.CreateAsync();
        var before = await temp.Store.GetVersionAsync(Ct);

        long? during;
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            var prepared = await load.PrepareAsync(Themes("Mobilité solidaire"), Ct);
            Assert.True((await load.WriteAsync(prepared, Ct)).Succeeded);
            Assert.DoesNotContain("ux_links_id", await SchemaAsync(temp.DatabasePath), StringComparison.Ordinal);
            // Without the links' id index every lookup would scan the links: the read model is told to copy the graph.
            during = await temp.Store.ExportChangesAsync(before, 1000, new ReadModelDelta(), Ct);
        }
        var delta = new ReadModelDelta();
        var after = await temp.Store.ExportChangesAsync(before, 1000, delta, Ct);

        Assert.Null(during);
        Assert.Equal(await temp.Store.GetVersionAsync(Ct), after);
        Assert.Equal(["Mobilité solidaire"], delta.Nodes.Select(n => n.Node.Name));
    }

    [Fact]
    public async Task ANewStore_HasPagesOf8Kb_WhichItsIndexBuildsAreMeasuredWith()
    {
        await using var temp = await TempStore.CreateAsync();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";

        Assert.Equal(8192L, (long)(await command.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task IntoAStoreThatHoldsData_NothingIsDeferred()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var before = await SchemaAsync(temp.DatabasePath);

        string during;
        await using (await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await temp.Store.WriteAsync(Themes("Zythologie coopérative"), Ct)).Succeeded);
            during = await SchemaAsync(temp.DatabasePath);
        }

        Assert.Equal(before, during);
        Assert.Single(await temp.Store.SearchAsync(Viewer.Everything, "zythologie", 10, Ct));
    }

    [Fact]
    public async Task ALoadThatNeverEnded_IsRepairedByTheNextStart()
    {
        await using var fresh = await TempStore.CreateAsync();
        await using var temp = await TempStore.CreateAsync();

        // The scope is never disposed: as if the process had been killed in the middle of the load.
        _ = await temp.Store.BeginBulkLoadAsync(Ct);
        Assert.True((await temp.Store.WriteAsync(Themes("Habitat participatif"), Ct)).Succeeded);
        var reopened = temp.Open();
        await reopened.InitializeAsync(Ct);

        Assert.Equal(await SchemaAsync(fresh.DatabasePath), await SchemaAsync(temp.DatabasePath));
        Assert.Single(await reopened.SearchAsync(Viewer.Everything, "habitat", 10, Ct));
        Assert.Equal(1, (await reopened.CountAsync(Viewer.Everything, Ct)).Nodes);
    }

    [Fact]
    public async Task TwoLoadsAtOnce_RestoreOnlyWhenTheLastEnds()
    {
        await using var temp = await TempStore.CreateAsync();

        var first = await temp.Store.BeginBulkLoadAsync(Ct);
        var second = await temp.Store.BeginBulkLoadAsync(Ct);
        await first.DisposeAsync();
        var whileSecondRuns = await SchemaAsync(temp.DatabasePath);
        await second.DisposeAsync();

        Assert.DoesNotContain("ix_links_target", whileSecondRuns, StringComparison.Ordinal);
        Assert.Contains("ix_links_target", await SchemaAsync(temp.DatabasePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuringALoad_ChecksSeeWhatTheLoadWrote_AndWhatAnotherProcessWrote()
    {
        await using var temp = await TempStore.CreateAsync();
        var other = temp.Open();
        NodeUpsert Actor(string id, params string[] themes) =>
            new(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }, ["nodes", 0])
            {
                Relations = [new RelationSet(LinkType.WorksOn, "themeIds", themes)],
            };

        WriteResult ownTheme, otherTheme, conflict, missing;
        await using (await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await temp.Store.WriteAsync(Themes("Mobilité"), Ct)).Succeeded);
            ownTheme = await temp.Store.WriteAsync(new GraphBatch { Nodes = [Actor("a1", "t:0:Mobilité")] }, Ct);
            // Another process writes into the same file in the middle of the load: the load's own record of what
            // exists no longer covers the file, and its next checks must see the other's theme and its other node.
            Assert.True((await other.WriteAsync(new GraphBatch { Nodes = [new NodeUpsert(new Theme { Id = "t:other", Name = "Other", Domain = PolicyDomain.Youth }, ["nodes", 0]), new NodeUpsert(new Theme { Id = "x", Name = "X", Domain = PolicyDomain.Youth }, ["nodes", 1])] }, Ct)).Succeeded);
            otherTheme = await temp.Store.WriteAsync(new GraphBatch { Nodes = [Actor("a2", "t:other")] }, Ct);
            conflict = await temp.Store.WriteAsync(new GraphBatch { Nodes = [Actor("x")] }, Ct);
            missing = await temp.Store.WriteAsync(new GraphBatch { Nodes = [Actor("a3", "t:nowhere")] }, Ct);
        }

        Assert.True(ownTheme.Succeeded, string.Join("; ", ownTheme.Errors.Select(e => e.Message)));
        Assert.True(otherTheme.Succeeded, string.Join("; ", otherTheme.Errors.Select(e => e.Message)));
        Assert.Equal(Domain.Validation.UserErrorCodes.KindConflict, Assert.Single(conflict.Errors).Code);
        Assert.Equal(Domain.Validation.UserErrorCodes.NotFound, Assert.Single(missing.Errors).Code);
        Assert.Equal(["t:other"], (await temp.Store.GetNeighbourIdsAsync(Viewer.Everything, ["a2"], LinkType.WorksOn, LinkDirection.Outgoing, Ct))["a2"]);
    }

    [Fact]
    public async Task DuringALoad_ANodeDeletedAndItsTerritoryCodeReused_AreSeenAsSuch()
    {
        await using var temp = await TempStore.CreateAsync();
        Territory Place(string id, string code) => new() { Id = id, Code = code, Name = id, Level = TerritoryLevel.Commune };
        NodeUpsert Placed(string id, string code) =>
            new(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }, ["nodes", 0])
            {
                Relations = [new RelationSet(LinkType.LocatedIn, "territoryCode", [code], RefsAreTerritoryCodes: true)],
            };

        WriteResult afterDelete, recoded, oldCode;
        await using (await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await temp.Store.WriteAsync(new GraphBatch { Nodes = [new NodeUpsert(Place("c1", "01001"), ["nodes", 0]), new NodeUpsert(Place("c2", "01002"), ["nodes", 1])] }, Ct)).Succeeded);
            Assert.True((await temp.Store.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("c1", ["ids", 0])] }, Ct)).Succeeded);
            afterDelete = await temp.Store.WriteAsync(new GraphBatch { Nodes = [Placed("a1", "01001")] }, Ct);
            Assert.True((await temp.Store.WriteAsync(new GraphBatch { Nodes = [new NodeUpsert(Place("c2", "01003"), ["nodes", 0])] }, Ct)).Succeeded);
            recoded = await temp.Store.WriteAsync(new GraphBatch { Nodes = [Placed("a2", "01003")] }, Ct);
            oldCode = await temp.Store.WriteAsync(new GraphBatch { Nodes = [Placed("a3", "01002")] }, Ct);
        }

        Assert.Equal(Domain.Validation.UserErrorCodes.NotFound, Assert.Single(afterDelete.Errors).Code);
        Assert.True(recoded.Succeeded, string.Join("; ", recoded.Errors.Select(e => e.Message)));
        Assert.Equal(Domain.Validation.UserErrorCodes.NotFound, Assert.Single(oldCode.Errors).Code);
    }

    [Fact]
    public async Task DuringALoad_AServiceStaysPartOfOneAuthority()
    {
        await using var temp = await TempStore.CreateAsync();
        Authority Authority(string id) => new() { Id = id, Name = id, Level = AuthorityLevel.Commune };
        var service = new NodeUpsert(new Service { Id = "svc", Name = "Service", Domain = PolicyDomain.Social }, ["nodes", 0])
        {
            Relations = [new RelationSet(LinkType.PartOf, "authorityId", ["a"])],
        };
        LinkUpsert PartOf(string authority) => new(
            new Link { Id = Domain.Validation.LinkIds.Derive(LinkType.PartOf, "svc", authority), Type = LinkType.PartOf, SourceId = "svc", TargetId = authority }, false, ["links", 0]);

        WriteResult second, same;
        await using (await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await temp.Store.WriteAsync(new GraphBatch { Nodes = [new NodeUpsert(Authority("a"), ["nodes", 0]), new NodeUpsert(Authority("b"), ["nodes", 1])] }, Ct)).Succeeded);
            Assert.True((await temp.Store.WriteAsync(new GraphBatch { Nodes = [service] }, Ct)).Succeeded);
            second = await temp.Store.WriteAsync(new GraphBatch { Links = [PartOf("b")] }, Ct);
            same = await temp.Store.WriteAsync(new GraphBatch { Links = [PartOf("a")] }, Ct);
        }

        Assert.Equal(Domain.Validation.UserErrorCodes.Constraint, Assert.Single(second.Errors).Code);
        Assert.True(same.Succeeded, string.Join("; ", same.Errors.Select(e => e.Message)));
    }
}
