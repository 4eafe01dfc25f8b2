using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Embedded;
using Microsoft.Data.Sqlite;

using static CoopGraph.Graph.Tests.TestItems;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// A load into an empty store writes links without the unique indexes on link ids and link ends, proven new by its
/// memory, and builds them at its end. Whatever comes through meanwhile must leave exactly one row per link id and
/// per pair of ends, so that the build at the end can never fail; and any write checked against SQLite gets the
/// indexes back first.
/// </summary>
public sealed class DeferredLinkIntegrityTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static LinkUpsert Cooperation(string id, string source, string target, string note, int index = 0) =>
        new(new Link { Id = id, Type = LinkType.CooperatesWith, SourceId = source, TargetId = target, Note = note }, true, ["links", index]);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Each caller passes a constant statement of this class.")]
    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static Task<long> UniqueLinkIndexesAsync(string database) =>
        ScalarAsync<long>(database, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('ux_links_id', 'ux_links_ends')");

    private static async Task<WriteResult> PrepareAndWriteAsync(IBulkLoad load, GraphBatch batch)
    {
        var prepared = await load.PrepareAsync(batch, Ct);
        Assert.Empty(prepared.Errors);
        return await load.WriteAsync(prepared, Ct);
    }

    [Fact]
    public async Task LinksCheckedAhead_AreWrittenWithoutTheUniqueIndexes_WhichTheEndBuilds()
    {
        await using var temp = await TempStore.CreateAsync();
        long during;
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await PrepareAndWriteAsync(load, new GraphBatch { Nodes = [Actor("a"), ActorAt("b", 1), ActorAt("c", 2)] })).Succeeded);
            var links = await PrepareAndWriteAsync(load, new GraphBatch { Links = [Cooperation("ab", "a", "b", "first"), Cooperation("bc", "b", "c", "second", 1)] });
            Assert.True(links.Succeeded, Messages(links));
            during = await UniqueLinkIndexesAsync(temp.DatabasePath);
        }

        Assert.Equal(0, during);
        Assert.Equal(2, await UniqueLinkIndexesAsync(temp.DatabasePath));
        Assert.Equal(2, (await temp.Store.CountAsync(Viewer.Everything, Ct)).Links);
    }

    [Fact]
    public async Task ALinkWrittenAgainInALaterBatch_IsOneRow_WithTheLastValues()
    {
        await using var temp = await TempStore.CreateAsync();
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await PrepareAndWriteAsync(load, new GraphBatch { Nodes = [Actor("a"), ActorAt("b", 1), ActorAt("c", 2), Theme("t", 3)] })).Succeeded);
            var first = await PrepareAndWriteAsync(load, new GraphBatch
            {
                Nodes = [Actor("a", "t")],
                Links = [Cooperation("ab", "a", "b", "first")],
            });
            Assert.True(first.Succeeded, Messages(first));
            // Both links again: one by its id, one through the relation that implies it.
            var again = await PrepareAndWriteAsync(load, new GraphBatch
            {
                Nodes = [Actor("a", "t")],
                Links = [Cooperation("ab", "a", "b", "second"), Cooperation("bc", "b", "c", "new", 1)],
            });
            Assert.True(again.Succeeded, Messages(again));
        }

        var links = await temp.Store.GetLinksAsync(Viewer.Everything, ["ab", "bc"], Ct);
        Assert.Equal(["ab:second", "bc:new"], links.Select(l => $"{l.Id}:{l.Note}").Order());
        Assert.Equal(["t"], (await temp.Store.GetNeighbourIdsAsync(Viewer.Everything, ["a"], LinkType.WorksOn, LinkDirection.Outgoing, Ct))["a"]);
        Assert.Equal(3, (await temp.Store.CountAsync(Viewer.Everything, Ct)).Links);
        Assert.Equal(2, await UniqueLinkIndexesAsync(temp.DatabasePath));
    }

    [Fact]
    public async Task ARelationReSentWithATerritoryCode_KeepsItsOneLink()
    {
        await using var temp = await TempStore.CreateAsync();
        NodeUpsert Placed(string id) => new(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }, ["nodes", 1])
        {
            Relations = [new RelationSet(LinkType.LocatedIn, "territoryCode", ["01001"], RefsAreTerritoryCodes: true)],
        };
        var place = new NodeUpsert(new Territory { Id = "c1", Code = "01001", Name = "c1", Level = TerritoryLevel.Commune }, ["nodes", 0]);
        var explicitLink = new LinkUpsert(new Link { Id = "mine", Type = LinkType.LocatedIn, SourceId = "a", TargetId = "c1" }, true, ["links", 0]);

        WriteResult resent;
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await PrepareAndWriteAsync(load, new GraphBatch { Nodes = [place, ActorAt("a", 1)] })).Succeeded);
            Assert.True((await PrepareAndWriteAsync(load, new GraphBatch { Links = [explicitLink] })).Succeeded);
            // The same pair of ends through the actor's territory code: the store already holds it, under another id.
            resent = await PrepareAndWriteAsync(load, new GraphBatch { Nodes = [Placed("a")] });
        }

        Assert.True(resent.Succeeded, Messages(resent));
        Assert.Equal(["mine"], (await temp.Store.GetLinksAsync(Viewer.Everything, ["mine", LinkIds.Derive(LinkType.LocatedIn, "a", "c1")], Ct)).Select(l => l.Id));
        Assert.Equal(1, (await temp.Store.CountAsync(Viewer.Everything, Ct)).Links);
        Assert.Equal(2, await UniqueLinkIndexesAsync(temp.DatabasePath));
    }

    [Fact]
    public async Task AnotherProcessWritingDuringTheLoad_GetsTheIndexesBackFirst_AndCannotRepeatAPairOfEnds()
    {
        await using var temp = await TempStore.CreateAsync();
        var other = temp.Open();
        WriteResult repeated;
        long afterOther;
        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            Assert.True((await PrepareAndWriteAsync(load, new GraphBatch { Nodes = [Actor("a"), ActorAt("b", 1)] })).Succeeded);
            Assert.True((await PrepareAndWriteAsync(load, new GraphBatch { Links = [Cooperation("ab", "a", "b", "load")] })).Succeeded);
            Assert.Equal(0, await UniqueLinkIndexesAsync(temp.DatabasePath));

            // Refused by what the indexes, built inside its transaction, found; they are kept for the checks to come.
            repeated = await other.WriteAsync(new GraphBatch { Links = [Cooperation("ba", "b", "a", "other")] }, Ct);
            afterOther = await UniqueLinkIndexesAsync(temp.DatabasePath);
            Assert.True((await other.WriteAsync(new GraphBatch { Nodes = [Actor("c")] }, Ct)).Succeeded);
            // The load goes on after the other process: its next batch is checked against SQLite, with the indexes.
            Assert.True((await PrepareAndWriteAsync(load, new GraphBatch { Nodes = [Theme("t", 0)] })).Succeeded);
        }

        Assert.Equal(2, afterOther);
        Assert.Equal(UserErrorCodes.Duplicate, Assert.Single(repeated.Errors).Code);
        Assert.Equal(["ab:load"], (await temp.Store.GetLinksAsync(Viewer.Everything, ["ab", "ba"], Ct)).Select(l => $"{l.Id}:{l.Note}"));
        Assert.Equal(2, await UniqueLinkIndexesAsync(temp.DatabasePath));
    }

    [Fact]
    public async Task AStoreFromBeforeTheIdIndex_IsMigrated_KeepingItsLinks_AndStillRefusesARepeatedId()
    {
        await using var temp = await TempStore.CreateAsync();
        Assert.True((await temp.Store.WriteAsync(new GraphBatch { Nodes = [Actor("a"), ActorAt("b", 1)], Links = [Cooperation("ab", "a", "b", "kept")] }, Ct)).Succeeded);
        var seq = await ScalarAsync<long>(temp.DatabasePath, "SELECT seq FROM links WHERE id = 'ab'");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await RewindToVersion3Async(temp.DatabasePath);
        Assert.Equal(0L, await ScalarAsync<long>(temp.DatabasePath, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'ux_links_id'"));

        var reopened = temp.Open();
        await reopened.InitializeAsync(Ct);

        Assert.Equal((long)Migrator.LatestVersion, await ScalarAsync<long>(temp.DatabasePath, "PRAGMA user_version"));
        Assert.Equal(seq, await ScalarAsync<long>(temp.DatabasePath, "SELECT seq FROM links WHERE id = 'ab'"));
        Assert.Equal("kept", Assert.Single(await reopened.GetLinksAsync(Viewer.Everything, ["ab"], Ct)).Note);
        var duplicate = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync<long>(temp.DatabasePath,
            "INSERT INTO links (id, type, source_id, target_id) VALUES ('ab', 'FUNDS', 'a', 'b') RETURNING seq"));
        Assert.Equal(19, duplicate.SqliteErrorCode);
        Assert.Equal("changes_link_delete ix_links_private_to ix_links_source ix_links_target ix_links_type links ux_links_ends ux_links_id",
            await ScalarAsync<string>(temp.DatabasePath, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE tbl_name = 'links' ORDER BY name)"));
    }

    /// <summary>Puts the store back as migrations 1 to 3 left it: the link id unique through its column's constraint, no private data, no surveys, no change feed.</summary>
    private static async Task RewindToVersion3Async(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            BEGIN;
            DROP TRIGGER changes_node_delete;
            DROP TRIGGER changes_link_delete;
            DROP TABLE changes;
            DROP TABLE change_versions;
            DELETE FROM store_meta WHERE key IN ('changes_since', 'changes_pruned_seq');
            DROP TABLE survey_declarations;
            DROP TABLE survey_invitations;
            DROP TABLE surveys;
            DROP INDEX ix_nodes_private_to;
            ALTER TABLE nodes DROP COLUMN private_to;
            ALTER TABLE api_keys DROP COLUMN authority_id;
            CREATE TABLE links_old (
                seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
                source_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE, target_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
                since TEXT, until TEXT, note TEXT, source TEXT, coop_kind TEXT, intensity INTEGER, instrument TEXT, amount TEXT, year INTEGER, outcome TEXT);
            INSERT INTO links_old SELECT seq, id, type, source_id, target_id, since, until, note, source, coop_kind, intensity, instrument, amount, year, outcome FROM links;
            DROP TABLE links;
            ALTER TABLE links_old RENAME TO links;
            CREATE INDEX ix_links_source ON links (source_id, type, seq);
            CREATE INDEX ix_links_target ON links (target_id, type, seq);
            CREATE INDEX ix_links_type ON links (type, seq);
            CREATE UNIQUE INDEX ux_links_ends ON links (type, source_id, target_id) WHERE type NOT IN ('FUNDS', 'APPLIED_TO');
            PRAGMA user_version = 3;
            COMMIT;
            """;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
