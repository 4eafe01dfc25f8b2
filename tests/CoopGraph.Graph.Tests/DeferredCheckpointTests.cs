using CoopGraph.Graph.Embedded;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// A write's checkpoint runs after its commit, not inside it: the commit leaves the new pages in the write-ahead log
/// (the database file does not grow), and ending the deferral copies them back once the log reached the connection's
/// threshold, which is then set back as it was.
/// </summary>
public sealed class DeferredCheckpointTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder;
    private readonly SqliteConnections _connections;

    public DeferredCheckpointTests()
    {
        _folder = Directory.CreateTempSubdirectory("coopgraph-checkpoint-").FullName;
        _connections = new SqliteConnections(Path.Combine(_folder, "g.db"));
    }

    [Fact]
    public async Task TheCommitLeavesThePagesInTheLog_AndTheEndCopiesThemBack()
    {
        await using var connection = await OpenAsync(checkpointPages: 8);

        // SQLite's own checkpoint, inside the commit: the file takes the pages at once.
        var before = FileLength();
        await InsertAsync(connection);
        var afterOwn = FileLength();
        Assert.True(afterOwn >= before + 200_000, $"{before} -> {afterOwn}");

        var deferred = await DeferredCheckpoint.BeginAsync(connection, Ct);
        await InsertAsync(connection);
        Assert.Equal(afterOwn, FileLength());

        await deferred.EndAsync();
        Assert.True(FileLength() >= afterOwn + 200_000, $"{afterOwn} -> {FileLength()}");
        Assert.Equal(8L, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint"));
        Assert.Equal(2 * 256L, await ScalarAsync(connection, "SELECT count(*) FROM rows"));
    }

    [Fact]
    public async Task BelowTheThreshold_NothingIsCopied()
    {
        await using var connection = await OpenAsync(checkpointPages: 100000);
        var before = FileLength();

        var deferred = await DeferredCheckpoint.BeginAsync(connection, Ct);
        await InsertAsync(connection);
        await deferred.EndAsync();

        Assert.Equal(before, FileLength());
        Assert.Equal(100000L, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private long FileLength() => new FileInfo(_connections.FilePath).Length;

    /// <summary>A connection to a new file with one empty table, checkpointing every <paramref name="checkpointPages"/> pages.</summary>
    private async Task<SqliteConnection> OpenAsync(int checkpointPages)
    {
        var connection = await _connections.OpenAsync(Ct);
        await ExecuteAsync(connection, $"PRAGMA wal_autocheckpoint = {checkpointPages}; CREATE TABLE rows (body BLOB)");
        return connection;
    }

    // 256 rows of 1 KB: about 260 KB of pages, far above the thresholds of 8 pages.
    private static async Task InsertAsync(SqliteConnection connection)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO rows (body) VALUES (randomblob(1024))";
        for (var i = 0; i < 256; i++)
        {
            await command.ExecuteNonQueryAsync(Ct);
        }
        await transaction.CommitAsync(Ct);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Constant statements of these tests.")]
    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Constant statements of these tests.")]
    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
