using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Embedded;

/// <summary>What changed since a version, read from the change feed in one read transaction, or handed over by a write.</summary>
public sealed partial class EmbeddedGraphStore : IDeltaExport
{
    private IWriteFollower? _follower;

    public async Task<long?> ExportChangesAsync(long sinceVersion, int maxChanges, IDeltaSink sink, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // A deferred BEGIN takes no lock; the async overload has no 'deferred' and would lock for writing.
#pragma warning disable CA1849
        await using var transaction = connection.BeginTransaction(deferred: true);
#pragma warning restore CA1849
        var version = await ChangeReader.ReadAsync(connection, transaction, sinceVersion, maxChanges, sink, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    public void Follow(IWriteFollower follower) => Volatile.Write(ref _follower, follower);

    /// <summary>The follower offered this store's writes, read once per write.</summary>
    private IWriteFollower? Follower => Volatile.Read(ref _follower);
}
