using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Reads the store's version, which every request asks first, on a few connections kept open with the statement
/// prepared once: a pooled connection and a statement prepared anew cost more than the read itself. Each read is a
/// statement of its own in autocommit mode, so it starts a read transaction of its own and sees the last commit.
/// </summary>
internal sealed class VersionReader(SqliteConnections connections) : IDisposable
{
    // Enough for the requests of two cores to find one idle; a burst beyond it opens and closes its own.
    private const int Kept = 8;

    private readonly ConcurrentBag<SqliteCommand> _idle = [];
    private volatile bool _disposed;

    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_idle.TryTake(out var command))
        {
            var connection = await connections.OpenBareAsync(cancellationToken);
            command = connection.CreateCommand();
            command.CommandText = EmbeddedWriteTransaction.VersionSql;
            await command.PrepareAsync(cancellationToken);
        }
        long version;
        try
        {
            version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch
        {
            Close(command);
            throw;
        }
        if (_disposed || _idle.Count >= Kept)
        {
            Close(command);
        }
        else
        {
            _idle.Add(command);
        }
        return version;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var command))
        {
            Close(command);
        }
    }

    private static void Close(SqliteCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }
}
