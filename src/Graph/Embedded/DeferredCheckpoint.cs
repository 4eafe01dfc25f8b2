using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Moves a write's checkpoint (the write-ahead log copied back into the file) from inside its commit to after it.
/// SQLite checkpoints inside the COMMIT statement, once the new version is already visible to other connections: the
/// read model could only publish the version's snapshot after that, and every request that read the new version waited
/// for the copy of up to 64 MB and its sync. Here the commit only records how long the log has grown; the writer
/// publishes, then checkpoints when the connection's own threshold (<c>PRAGMA wal_autocheckpoint</c>) is reached, and
/// sets that threshold back, so the connection leaves as it came.
/// </summary>
internal sealed class DeferredCheckpoint
{
    // The log's length in pages after each connection's last commit, by connection: SQLite calls the hook with it.
    private static readonly ConcurrentDictionary<IntPtr, int> LogPages = new();

    private readonly SqliteConnection _connection;
    private readonly IntPtr _database;
    private readonly long _threshold;

    private DeferredCheckpoint(SqliteConnection connection, IntPtr database, long threshold)
    {
        _connection = connection;
        _database = database;
        _threshold = threshold;
    }

    /// <summary>Stops the connection's checkpoints inside commits, until <see cref="EndAsync"/>.</summary>
    public static async Task<DeferredCheckpoint> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var database = (connection.Handle ?? throw new InvalidOperationException("The connection is not open.")).DangerousGetHandle();
        long threshold;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "PRAGMA wal_autocheckpoint";
            threshold = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }
        // A length left by a commit outside a deferral (a threshold that could not be set back) is not this commit's.
        LogPages.TryRemove(database, out _);
        unsafe
        {
            NativeMethods.WalHook(database, &OnCommitted, IntPtr.Zero);
        }
        return new DeferredCheckpoint(connection, database, threshold);
    }

    /// <summary>
    /// Sets the connection's threshold back, and checkpoints when the commit brought the log to it. Never fails: the
    /// write has committed by then, and, as with SQLite's own checkpoint after a commit, a checkpoint that cannot run
    /// is left to the next write (every connection opened again states its threshold anyway).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "A number read from SQLite itself.")]
    public async Task EndAsync()
    {
        var due = LogPages.TryRemove(_database, out var pages) && _threshold > 0 && pages >= _threshold;
        try
        {
            await using var command = _connection.CreateCommand();
            // The pragma puts SQLite's own hook back in place of this one.
            command.CommandText = $"PRAGMA wal_autocheckpoint = {_threshold}";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            if (due)
            {
                // PASSIVE, as SQLite's own: it copies what no reader still needs and never waits for one.
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (SqliteException)
        {
            // Left to the next write, as above.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int OnCommitted(IntPtr state, IntPtr database, byte* name, int pages)
    {
        LogPages[database] = pages;
        return 0;
    }
}
