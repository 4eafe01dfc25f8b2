using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Connections kept open for the store's reads (the version every request asks first, and entity reads), each keeping
/// the statements it ran prepared. A pooled connection opened for one read stated seven settings first and prepared its
/// statement anew: on a graph too large for the read model, where every request reads the store, that was more work
/// than the read itself. Each statement still runs in
/// autocommit mode, so each read sees the last commit, as before.
/// </summary>
internal sealed class ReadSessions(SqliteConnections connections) : IDisposable
{
    // As many as the reads of a small server's requests run at once; a burst beyond it opens and closes its own.
    private const int Kept = 16;

    private readonly ConcurrentBag<ReadSession> _idle = [];
    private volatile bool _disposed;
    private int _opened;

    /// <summary>How many connections were opened for reads since the start.</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>A session for one read, given back when disposed.</summary>
    public async ValueTask<ReadSession> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var session))
        {
            return session;
        }
        Interlocked.Increment(ref _opened);
        return new ReadSession(this, await connections.OpenReadAsync(cancellationToken));
    }

    internal void Return(ReadSession session)
    {
        if (_disposed || _idle.Count >= Kept)
        {
            session.Close();
            return;
        }
        _idle.Add(session);
        // Disposed meanwhile: nobody else would close it.
        if (_disposed && _idle.TryTake(out var left))
        {
            left.Close();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Close();
        }
    }
}

/// <summary>One connection of <see cref="ReadSessions"/>, lent to one read at a time.</summary>
internal sealed class ReadSession : IAsyncDisposable
{
    // The store's read statements are a dozen or so constants; the bound only guards against texts made at run time.
    private const int MaxStatements = 64;

    private readonly ReadSessions _owner;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<SqliteCommand> _once = [];
    private ScalarStatement? _version;

    internal ReadSession(ReadSessions owner, SqliteConnection connection)
    {
        _owner = owner;
        _connection = connection;
    }

    /// <summary>
    /// The command for this statement, prepared at its first run on this connection and kept; its parameters are the
    /// caller's to add. It belongs to the session: the caller disposes its readers, never the command.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Every caller passes a constant statement of the embedded store; values go in parameters.")]
    public SqliteCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }
        command = _connection.CreateCommand();
        command.CommandText = sql;
        if (_commands.Count < MaxStatements)
        {
            _commands.Add(sql, command);
        }
        else
        {
            _once.Add(command);
        }
        return command;
    }

    /// <summary>The store's version, as <see cref="EmbeddedWriteTransaction.VersionSql"/> reads it.</summary>
    public long Version() => (_version ??= new ScalarStatement(_connection, EmbeddedWriteTransaction.VersionSql)).Read();

    public ValueTask DisposeAsync()
    {
        foreach (var command in _once)
        {
            command.Dispose();
        }
        _once.Clear();
        _owner.Return(this);
        return ValueTask.CompletedTask;
    }

    internal void Close()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _version?.Dispose();
        _connection.Dispose();
    }
}
