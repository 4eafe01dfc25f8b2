using CoopGraph.Graph.ReadModel;
using CoopGraph.Domain.Model;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The graph in one SQLite file: WAL so that reads go on during writes, one transaction per batch,
/// FTS5 for text search. Every statement is a constant with parameters; lists travel as JSON for json_each.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore, IStoreInitializer, IFts5Search, IDisposable
{
    /// <summary>The tokenizer of <c>nodes_fts</c>, made as SQLite makes it: the read model searches as this store does.</summary>
    public ITextTokenizer SearchTokenizer => Fts5Tokenizer.Instance;

    private readonly SqliteConnections _connections;
    private readonly ReadSessions _reads;
    private readonly TimeProvider _time;

    // Set once the store is initialized, when the file has a WAL index; the version last read and the index's header
    // just before it was read: while the header is unchanged, nothing was committed since, by anyone.
    private CommitWatch? _watch;
    private KnownVersion? _known;
    private long _versionsRead;

    // One writer at a time inside this process: SQLite allows one anyway, and queuing here is
    // fairer and cheaper than retrying on SQLITE_BUSY.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public EmbeddedGraphStore(string path, TimeProvider time)
    {
        _connections = new SqliteConnections(path);
        _reads = new ReadSessions(_connections);
        _time = time;
    }

    /// <summary>Closes the connections kept for version and entity reads; the pooled ones are SQLite's to close.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _watch, null)?.Dispose();
        _reads.Dispose();
    }

    public string FilePath => _connections.FilePath;

    /// <summary>Whether versions are known from the WAL index between commits (<see cref="CommitWatch"/>).</summary>
    internal bool WatchesCommits => Volatile.Read(ref _watch) is not null;

    /// <summary>How many times the version was read from the file since the start.</summary>
    internal long VersionsRead => Interlocked.Read(ref _versionsRead);

    /// <summary>How many connections the store opened for entity reads (they are kept and reused).</summary>
    internal int ReadConnectionsOpened => _reads.Opened;

    /// <summary>The file's connections, for the other tables kept in it (API keys).</summary>
    internal SqliteConnections Connections => _connections;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Migrations and a restore after an interrupted load build indexes: the bulk settings sort on two threads
        // through temporary files, as the end of a load does.
        await using var connection = await _connections.OpenAsync(bulk: true, cancellationToken);
        await Migrator.MigrateAsync(connection, cancellationToken);
        await RestoreIfDeferredAsync(connection, cancellationToken);
        if (Volatile.Read(ref _watch) is null
            && await CommitWatch.OpenAsync(await _connections.OpenReadAsync(cancellationToken), cancellationToken) is { } watch
            && Interlocked.CompareExchange(ref _watch, watch, null) is not null)
        {
            // Initialized twice at once: one watch is enough.
            watch.Dispose();
        }
    }

    /// <summary>
    /// Asked by every request first. While nothing was committed since the last read (<see cref="CommitWatch"/>), it is
    /// the version then; otherwise it is read on a kept read connection, its statement prepared once.
    /// </summary>
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var stamp = default(CommitWatch.Stamp);
        var stamped = Volatile.Read(ref _watch) is { } watch && watch.TryNow(out stamp);
        if (stamped && Volatile.Read(ref _known) is { } known && known.Stamp == stamp)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return known.Version;
        }
        long version;
        await using (var session = await _reads.RentAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            version = session.Version();
        }
        Interlocked.Increment(ref _versionsRead);
        if (stamped)
        {
            // Read after the stamp was taken, so never older than the file at that stamp. Of two requests storing at
            // once, the one with the older stamp may win: the header then differs and the next request reads again.
            Volatile.Write(ref _known, new KnownVersion(stamp, version));
        }
        return version;
    }

    private sealed record KnownVersion(CommitWatch.Stamp Stamp, long Version);

    public async Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await using var session = await _reads.RentAsync(cancellationToken);
        var command = session.Command(
            "SELECT (SELECT COUNT(*) FROM nodes n WHERE " + NodeVisible + "), (SELECT COUNT(*) FROM links l WHERE " + LinkVisible + "), " +
            "(SELECT value FROM store_meta WHERE key = 'version')");
        command.AddViewer(viewer);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new GraphCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ReadListAsync(
            "SELECT " + NodeRows.Columns + " FROM nodes n WHERE n.id IN (SELECT value FROM json_each(@ids)) AND " + NodeVisible,
            viewer, ids, NodeRows.Read, cancellationToken);

    public Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ReadListAsync(
            "SELECT " + LinkRows.Columns + " FROM links l WHERE l.id IN (SELECT value FROM json_each(@ids)) AND " + LinkVisible,
            viewer, ids, r => LinkRows.Read(r), cancellationToken);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The statements are constants of this class and LinkRows, built from enum names, never from input.")]
    public async Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // One read transaction: under WAL it sees a single snapshot, so a concurrent write never mixes in.
        // A deferred BEGIN takes no lock and does no I/O; the async overload has no 'deferred' and would lock for writing.
#pragma warning disable CA1849
        await using var transaction = connection.BeginTransaction(deferred: true);
#pragma warning restore CA1849
        long version;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = EmbeddedWriteTransaction.VersionSql;
            version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        // Rows are read with Read(), not ReadAsync(): SQLite reads synchronously anyway, and at ten million links the
        // task per row of ReadAsync cost seconds of a national projection's build. Cancellation is checked per batch.
        var sequenced = sink as ISequencedSink;
#pragma warning disable CA1849
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT " + NodeRows.Columns + " FROM nodes n WHERE " + NodeVisible + " ORDER BY n.seq";
            command.AddViewer(viewer);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            for (var row = 0; reader.Read(); row++)
            {
                if (sequenced is not null)
                {
                    sequenced.AddNode(NodeRows.Read(reader), reader.GetInt64(NodeRows.SeqOrdinal));
                }
                else
                {
                    sink.AddNode(NodeRows.Read(reader));
                }
                CheckEvery(row, cancellationToken);
            }
        }
        var topologyOnly = sink is ITopologySink && sequenced is null;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT " + (topologyOnly ? LinkRows.TopologyColumns : LinkRows.Columns) + " FROM links l WHERE " + LinkVisible + " ORDER BY l.seq";
            command.AddViewer(viewer);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            for (var row = 0; reader.Read(); row++)
            {
                if (sequenced is not null)
                {
                    sequenced.AddLink(LinkRows.Read(reader), reader.GetInt64(LinkRows.SeqOrdinal));
                }
                else
                {
                    sink.AddLink(topologyOnly ? LinkRows.ReadTopology(reader) : LinkRows.Read(reader));
                }
                CheckEvery(row, cancellationToken);
            }
        }
#pragma warning restore CA1849
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    private static void CheckEvery(int row, CancellationToken cancellationToken)
    {
        if ((row & 0xFFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<IReadOnlyList<T>> ReadListAsync<T>(string sql, Viewer viewer, IReadOnlyCollection<string> ids, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var session = await _reads.RentAsync(cancellationToken);
        var command = session.Command(sql);
        command.Add("@ids", Json(ids));
        command.AddViewer(viewer);
        var result = new List<T>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(read(reader));
        }
        return result;
    }
}
