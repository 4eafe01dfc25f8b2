namespace CoopGraph.Graph.ReadModel;

/// <summary>Takes each write's changes from a store as the write commits (see <see cref="IDeltaExport.Follow"/>).</summary>
public interface IWriteFollower
{
    /// <summary>
    /// Called by the store inside a write's transaction, once the version it commits as is known and before it commits:
    /// the handover to fill, or null when the follower wants no changes now.
    /// </summary>
    WriteHandover? BeginHandover();
}

/// <summary>
/// One write's changes on their way to the read model. The store reads them inside the write's own transaction — its
/// rows are in the writer's cache, and no other reader competes for them — and the snapshot of the new version is made
/// before the commit, so that when the version becomes visible its snapshot only has to be published. Readers that see
/// the new version between the commit and the publication wait for <see cref="Completion"/>.
/// <para>
/// The store calls <see cref="FillAsync"/>, then commits, then <see cref="Committed"/>; it disposes the handover in
/// every case, which abandons it when it was not committed: the read model then reads the changes back as for any
/// other write.
/// </para>
/// </summary>
public sealed class WriteHandover : IDisposable
{
    private readonly ReadModelProvider _provider;
    private readonly ReadModelSnapshot _held;
    private readonly long _started;
    private readonly TaskCompletionSource<ReadModelSnapshot?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Above this many changes a whole copy is as cheap, and none is wanted.
    private readonly int _maxChanges;

    private readonly bool _reindex;
    private ReadModelSnapshot? _prepared;

    /// <param name="reindex">Whether changes that build the snapshot's indexes again are applied here (see <see cref="ReadModelProvider.DefaultReindexedInWritesUpTo"/>).</param>
    internal WriteHandover(ReadModelProvider provider, ReadModelSnapshot held, int maxChanges, bool reindex, long started)
    {
        _provider = provider;
        _held = held;
        _maxChanges = maxChanges;
        _reindex = reindex;
        _started = started;
    }

    /// <summary>The snapshot published by this write, or null when there is none; readers of its version wait for it.</summary>
    internal Task<ReadModelSnapshot?> Completion => _done.Task;

    /// <summary>
    /// Reads the changes with <paramref name="read"/> (given the version of the snapshot held, the most changes wanted and
    /// where to put them; it returns the version they reach, or null when it cannot give them all) and applies them to
    /// the snapshot held.
    /// A failure here is the read model's, never the write's: it is logged and the handover abandoned.
    /// </summary>
    public async Task FillAsync(Func<long, int, IDeltaSink, Task<long?>> read)
    {
        try
        {
            var delta = new ReadModelDelta();
            if (await read(_held.Version, _maxChanges, delta) is { } version)
            {
                _prepared = _provider.Apply(_held, version, delta, _reindex);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _provider.HandoverFailed(e);
        }
    }

    /// <summary>The write committed: its snapshot, when one was made, is published.</summary>
    public void Committed()
    {
        if (_prepared is { } snapshot)
        {
            _provider.Published(snapshot, _started, handedOver: true);
        }
        _done.TrySetResult(_prepared);
    }

    /// <summary>Releases the readers waiting for this write; without <see cref="Committed"/>, nothing is published.</summary>
    public void Dispose() => _done.TrySetResult(null);
}
