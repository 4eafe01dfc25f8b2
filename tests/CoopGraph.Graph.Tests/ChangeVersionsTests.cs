using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Changes;
using CoopGraph.Graph.Embedded;
using Microsoft.Data.Sqlite;

using static CoopGraph.Graph.Tests.TestItems;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The embedded feed's version bounds are seq bounds read from <c>change_versions</c>, not an index on
/// <c>changes.version</c>: they must select exactly the changes of the versions asked for, read them by rowid, stay
/// exact when versions are missing from that table, and be filled for a store that had changes before it.
/// </summary>
public sealed class ChangeVersionsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<List<long>> WriteVersionsAsync(TempStore temp)
    {
        var versions = new List<long>();
        async Task Write(GraphBatch batch)
        {
            var result = await temp.Store.WriteAsync(batch, Ct);
            Assert.True(result.Succeeded, Messages(result));
            versions.Add(result.Version);
        }
        await Write(new GraphBatch { Nodes = [ActorAt("a", 0), ActorAt("b", 1), ActorAt("c", 2)] });
        await Write(new GraphBatch { Links = [Link("ab", "a", "b"), Link("bc", "b", "c")] });
        // A write that changes nothing the feed records, between two that do.
        await Write(new GraphBatch());
        await Write(new GraphBatch { Nodes = [ActorAt("a", 0), ActorAt("d", 1)] });
        await Write(new GraphBatch { NodeDeletes = [new ItemDelete("b", ["d", 0])] });
        await Write(new GraphBatch { Nodes = [ActorAt("e", 0)], Links = [Link("de", "d", "e")] });
        return versions;
    }

    private static LinkUpsert Link(string id, string source, string target) =>
        new(new Link { Id = id, Type = LinkType.CooperatesWith, SourceId = source, TargetId = target }, true, ["links", 0]);

    private static async Task<List<Change>> ReadAsync(EmbeddedGraphStore store, long since, long? upTo)
    {
        var page = await store.ReadChangesAsync(Viewer.Everything, new ChangeQuery(0, 1000, since, upTo), Ct);
        Assert.False(page.HasNextPage);
        Assert.Equal(page.Items.Count, page.TotalCount);
        return page.Items.Select(i => i.Item).ToList();
    }

    /// <summary>Every pair of bounds against the whole feed filtered here by version.</summary>
    private static async Task AssertEveryBoundIsExactAsync(EmbeddedGraphStore store, long first, long last, List<Change> all)
    {
        for (var since = first; since <= last; since++)
        {
            foreach (var upTo in Enumerable.Range((int)since, (int)(last - since) + 1).Select(v => (long?)v).Prepend(null))
            {
                var expected = all.Where(c => c.Version > since && (upTo is null || c.Version <= upTo)).Select(c => c.Seq);
                Assert.Equal(expected, (await ReadAsync(store, since, upTo)).Select(c => c.Seq));
            }
        }
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own constant statements.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> RowsAsync(string database, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The store's own constant statements, or the tests'.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    [Fact]
    public async Task EveryVersionBound_SelectsExactlyItsChanges_AlsoWithVersionsMissingFromTheTable()
    {
        await using var temp = await TempStore.CreateAsync();
        var v0 = await temp.Store.GetVersionAsync(Ct);
        var versions = await WriteVersionsAsync(temp);
        var all = await ReadAsync(temp.Store, v0, null);
        Assert.Equal(versions.Count, (await RowsAsync(temp.DatabasePath, "SELECT version FROM change_versions")).Count);
        Assert.Equal(5, all.Select(c => c.Version).Distinct().Count());

        await AssertEveryBoundIsExactAsync(temp.Store, v0, versions[^1], all);

        // A version without its row only widens what is read: some rows gone, then all.
        await ExecuteAsync(temp.DatabasePath, "DELETE FROM change_versions WHERE version % 2 = 0");
        await AssertEveryBoundIsExactAsync(temp.Store, v0, versions[^1], all);
        await ExecuteAsync(temp.DatabasePath, "DELETE FROM change_versions");
        await AssertEveryBoundIsExactAsync(temp.Store, v0, versions[^1], all);

        // Pruning without the table's rows still removes every change up to the version pruned.
        var removed = await temp.Store.PruneChangesAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct);
        Assert.Equal(all.Count, removed);
        Assert.Equal(["0"], await RowsAsync(temp.DatabasePath, "SELECT COUNT(*) FROM changes"));
        await Assert.ThrowsAsync<ChangesExpiredException>(() => ReadAsync(temp.Store, v0, null));
    }

    [Fact]
    public async Task APrune_KeepsTheVersionsAfterIt_AndTheRowOfTheVersionFeedsNowStartAt()
    {
        await using var temp = await TempStore.CreateAsync();
        var versions = await WriteVersionsAsync(temp);
        await temp.Store.PruneChangesAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct);
        var kept = versions[^1];
        var result = await temp.Store.WriteAsync(new GraphBatch { Nodes = [ActorAt("f", 0)] }, Ct);
        Assert.True(result.Succeeded, Messages(result));

        Assert.Equal([$"{kept}", $"{result.Version}"], await RowsAsync(temp.DatabasePath, "SELECT version FROM change_versions ORDER BY version"));
        Assert.Equal(["f"], (await ReadAsync(temp.Store, kept, null)).Select(c => c.Id));
    }

    [Fact]
    public async Task TheFeedsStatements_ReadTheChangesByRowid()
    {
        await using var temp = await TempStore.CreateAsync();
        await WriteVersionsAsync(temp);
        (string, object?)[] parameters =
        [
            ("@after", 0L), ("@since", 1L), ("@up_to", 3L), ("@take", 10L), ("@limit", 10L), ("@see_all", 1L), ("@viewer", null),
        ];
        string[] statements =
        [
            EmbeddedGraphStore.ChangesSql, EmbeddedGraphStore.CountChangesSql, EmbeddedGraphStore.PruneSql,
            ChangeReader.CountSinceSql, ChangeReader.ChangedNodesSql, ChangeReader.ChangedLinksSql, ChangeReader.GoneNodesSql, ChangeReader.GoneLinksSql,
        ];
        foreach (var statement in statements)
        {
            var plan = await RowsAsync(temp.DatabasePath, "EXPLAIN QUERY PLAN " + statement, parameters);
            var reads = plan.Where(row => row.Contains(" c ", StringComparison.Ordinal) || row.EndsWith(" c", StringComparison.Ordinal)).ToList();
            Assert.True(reads.Count > 0, statement + "\n" + string.Join("\n", plan));
            Assert.All(reads, row => Assert.Contains("USING INTEGER PRIMARY KEY (rowid", row, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AStoreWithChangesFromBeforeTheTable_IsMigrated_WithEachVersionsLastSeq()
    {
        await using var temp = await TempStore.CreateAsync();
        var v0 = await temp.Store.GetVersionAsync(Ct);
        await WriteVersionsAsync(temp);
        var all = await ReadAsync(temp.Store, v0, null);
        SqliteConnection.ClearAllPools();
        await ExecuteAsync(temp.DatabasePath,
            "BEGIN; DROP TABLE change_versions; CREATE INDEX ix_changes_version ON changes (version); PRAGMA user_version = 9; COMMIT;");

        var reopened = temp.Open();
        await reopened.InitializeAsync(Ct);

        var expected = all.GroupBy(c => c.Version).Select(g => $"{g.Key}|{g.Max(c => c.Seq)}");
        Assert.Equal(expected, await RowsAsync(temp.DatabasePath, "SELECT version, last_seq FROM change_versions ORDER BY version"));
        Assert.Empty(await RowsAsync(temp.DatabasePath, "SELECT name FROM sqlite_schema WHERE name = 'ix_changes_version'"));
        Assert.Equal(all.Select(c => c.Seq), (await ReadAsync(reopened, v0, null)).Select(c => c.Seq));
        reopened.Dispose();
    }
}
