namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// A store that can say what changed since a version, from its change feed: the read model then applies those changes
/// to the snapshot it holds instead of copying the whole graph again.
/// </summary>
public interface IDeltaExport
{
    /// <summary>
    /// From one consistent snapshot of the store: each node and link written after <paramref name="sinceVersion"/>, as it
    /// is now and with its seq (nodes, then links, each in seq order), then the ids of those written after it and gone
    /// now. Returns the snapshot's version; null, with nothing sent, when more than <paramref name="maxChanges"/> changes
    /// were recorded since (copying the whole graph is then cheaper) or when the feed no longer holds them all.
    /// </summary>
    Task<long?> ExportChangesAsync(long sinceVersion, int maxChanges, IDeltaSink sink, CancellationToken cancellationToken);

    /// <summary>
    /// From now on, offers each write's changes to <paramref name="follower"/> inside the write's transaction, just
    /// before it commits (see <see cref="WriteHandover"/>). One follower at a time: a later one replaces it.
    /// </summary>
    void Follow(IWriteFollower follower);
}

/// <summary>Receives a store's changes since a version (<see cref="IDeltaExport"/>).</summary>
public interface IDeltaSink : ISequencedSink
{
    void RemoveNode(string id);

    void RemoveLink(string id);
}
