using CoopGraph.Domain.Model;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Gives each request the reader of the store version current when it asks: the in-memory
/// <see cref="ReadModelSnapshot"/> when it is of that very version, otherwise the store itself while a snapshot of the
/// new version is built in the background. So a write is seen by the next request (it reads the store, or a snapshot
/// that includes the write) and no answer is ever older than the version the request began at.
/// <para>
/// The first snapshot is built from the store's export, whichever store it is, so both stores share it. After it, a
/// store that records its changes (<see cref="IDeltaExport"/>) hands each write's changes over as it commits
/// (<see cref="WriteHandover"/>), or has them read back when a reader asks; other stores are copied whole again. Builds
/// and handovers run one at a time, builds on a thread of their own, and a build slower than the pace of writes is
/// spaced by its own length: under continuous writes the graph spends at most half of one core rebuilding, and reads go
/// to the store meanwhile. A graph larger than <c>maxElements</c> (nodes and links) is not copied at all: it is read
/// from the store.
/// </para>
/// </summary>
public sealed class ReadModelProvider : IWriteFollower
{
    private static readonly TimeSpan SizeRecheck = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Above this many nodes and links, changes that would build the snapshot's indexes again are not applied while the
    /// write commits but by a build on a thread of its own: at about half a microsecond an element, that is more than a
    /// second, which the write would wait for. Its readers read the store meanwhile. Changes appended or rewritten in
    /// place are handed over at any size.
    /// </summary>
    public const long DefaultReindexedInWritesUpTo = 2_000_000;

    private readonly IGraphStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ReadModelProvider> _logger;
    private readonly long _maxElements;
    private readonly TimeSpan _maxWait;
    private readonly Lock _gate = new();
    private ReadModelSnapshot? _current;
    private Task<ReadModelSnapshot?>? _building;
    private long _lastBuildTicks;
    private long _lastBuildEnd;
    private long _tooLargeSince = -1;
    private int _changesApplied;
    private int _changesHandedOver;
    private readonly long _reindexedInWritesUpTo;

    /// <param name="maxElements">Above this many nodes and links together, no snapshot is kept; 0 turns the read model off.</param>
    /// <param name="maxWait">How long a reader waits for the snapshot of its version before it reads the store (0: never).</param>
    /// <param name="followWrites">Whether a store that can hands each write's changes over as it commits (see
    /// <see cref="WriteHandover"/>); otherwise they are read back when a reader asks for the new version.</param>
    /// <param name="reindexedInWritesUpTo">Above this many nodes and links, a write whose changes would build indexes
    /// again is not held up by it (<see cref="DefaultReindexedInWritesUpTo"/>).</param>
    public ReadModelProvider(IGraphStore store, TimeProvider time, ILogger<ReadModelProvider> logger, long maxElements, TimeSpan maxWait,
        bool followWrites = true, long reindexedInWritesUpTo = DefaultReindexedInWritesUpTo)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _maxElements = maxElements;
        _maxWait = maxWait;
        _reindexedInWritesUpTo = reindexedInWritesUpTo;
        if (followWrites && Enabled && store is IDeltaExport deltas)
        {
            deltas.Follow(this);
        }
    }

    /// <summary>
    /// Told of each snapshot before it becomes <see cref="Current"/>, in the order they are published (builds and
    /// handovers run one at a time): whoever keeps answers of a version learns what the next one changed
    /// (<see cref="ReadModelSnapshot.Changes"/>) before any reader can be given it. Runs on the publishing thread, which
    /// may be a write's: it must be quick and must not throw.
    /// </summary>
    public event Action<ReadModelSnapshot>? Publishing;

    /// <summary>The snapshot built last (null before the first, or when the graph is too large to hold).</summary>
    public ReadModelSnapshot? Current => Volatile.Read(ref _current);

    public bool Enabled => _maxElements > 0;

    /// <summary>How many snapshots were made by applying a store's changes to the one held, rather than copying the graph.</summary>
    internal int ChangesApplied => Volatile.Read(ref _changesApplied);

    /// <summary>How many of those were handed over by the writes themselves.</summary>
    internal int ChangesHandedOver => Volatile.Read(ref _changesHandedOver);

    /// <summary>Whether reads may come from a snapshot now: enabled, and the graph was not found too large lately.</summary>
    public bool Serves => Enabled && !IsTooLarge();

    /// <summary>The reader for the version of the store now: the snapshot of that version, or the store.</summary>
    public async ValueTask<IGraphReader> ReaderAsync(CancellationToken cancellationToken)
    {
        if (!Serves)
        {
            return _store;
        }
        return await ReaderAsync(await _store.GetVersionAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The reader for <paramref name="version"/>, just read from the store by the caller: a snapshot of that version or
    /// a later one (a version committed after the request began is no stale answer), else the store. A reader waits up
    /// to <c>maxWait</c> for the snapshot, but only while builds are that quick: changes applied to the snapshot held
    /// are, a whole copy of the graph is not.
    /// </summary>
    public async ValueTask<IGraphReader> ReaderAsync(long version, CancellationToken cancellationToken)
    {
        if (!Serves)
        {
            return _store;
        }
        if (Current is { } current && current.Version >= version)
        {
            return current;
        }
        var waitedFrom = _time.GetTimestamp();
        while (Build() is { } build)
        {
            var remaining = _maxWait - _time.GetElapsedTime(waitedFrom);
            if (remaining <= TimeSpan.Zero || LastBuildDuration > _maxWait)
            {
                break;
            }
            if (await Task.WhenAny(build, Task.Delay(remaining, _time, cancellationToken)) != build)
            {
                cancellationToken.ThrowIfCancellationRequested();
                break;
            }
            // A build that began before this version was committed ends short of it: the next one reaches it.
            if (await build is not { } built)
            {
                break;
            }
            if (built.Version >= version)
            {
                return built;
            }
        }
        return _store;
    }

    private TimeSpan LastBuildDuration => TimeSpan.FromTicks(Volatile.Read(ref _lastBuildTicks));

    private bool IsTooLarge()
    {
        var since = Volatile.Read(ref _tooLargeSince);
        return since >= 0 && _time.GetElapsedTime(since) < SizeRecheck;
    }

    /// <summary>The running build, or one started now when none runs (put off when the last one was slow and recent).</summary>
    private Task<ReadModelSnapshot?>? Build()
    {
        lock (_gate)
        {
            if (_building is { IsCompleted: false } running)
            {
                return running;
            }
            var lastDuration = LastBuildDuration;
            var sinceLast = _time.GetElapsedTime(Volatile.Read(ref _lastBuildEnd));
            // Builds slower than a reader waits (whole copies, seconds at scale) are spaced by their own length, so that
            // under continuous writes the graph spends at most half of one core copying. A build put off is still
            // made: requests answered from kept answers ask for none, so the read model would otherwise stay behind.
            _building = Current is not null && lastDuration > _maxWait && sinceLast < lastDuration
                ? Task.Delay(lastDuration - sinceLast, _time)
                    .ContinueWith(_ => OnOwnThread(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap()
                : OnOwnThread();
            return _building;
        }
    }

    // A thread of its own: the export's awaits complete synchronously on SQLite, so a build — seconds of CPU at scale —
    // would otherwise hold a pool thread that requests need.
    private Task<ReadModelSnapshot?> OnOwnThread() =>
        Task.Factory.StartNew(() => BuildAsync(CancellationToken.None),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task<ReadModelSnapshot?> BuildAsync(CancellationToken cancellationToken)
    {
        try
        {
            var started = _time.GetTimestamp();
            if (Current is { } held && _store is IDeltaExport deltas && await ApplyChangesAsync(held, deltas, cancellationToken) is { } applied)
            {
                Published(applied, started, handedOver: false);
                return applied;
            }
            var counts = await _store.CountAsync(Viewer.Everything, cancellationToken);
            if (counts.Nodes + counts.Links > _maxElements)
            {
                TooLarge(counts.Nodes, counts.Links);
                return null;
            }
            var builder = new ReadModelBuilder();
            // Everything: one snapshot answers every viewer, each node and link with its privateTo.
            var version = await _store.ExportAsync(Viewer.Everything, builder, cancellationToken);
            var snapshot = builder.Build(version, _store, _store as IFts5Search);
            Publish(snapshot, started);
            _logger.LogInformation("Built the read model of version {Version}: {Nodes} nodes, {Links} links in {Elapsed:0} ms",
                version, snapshot.NodeCount, snapshot.LinkCount, _time.GetElapsedTime(started).TotalMilliseconds);
            return snapshot;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reads go on from the store; the next request after a write tries again.
            _logger.LogWarning(e, "Building the read model failed; reads go to the store");
            return null;
        }
    }

    /// <summary>
    /// The handover of the write about to commit, when a snapshot is held and no build runs (builds and handovers run
    /// one at a time, so a later version is never replaced by an earlier one).
    /// </summary>
    public WriteHandover? BeginHandover()
    {
        lock (_gate)
        {
            if (!Serves || Current is not { } held || _building is { IsCompleted: false })
            {
                return null;
            }
            var handover = new WriteHandover(this, held, MaxChanges(held), (long)held.NodeCount + held.LinkCount <= _reindexedInWritesUpTo,
                _time.GetTimestamp());
            _building = handover.Completion;
            return handover;
        }
    }

    /// <summary>
    /// <paramref name="held"/> with the changes since its version applied; null when the store no longer holds them all,
    /// or when they are so many that a whole copy is as cheap (a quarter of the graph), or when the graph grew too large.
    /// </summary>
    private async Task<ReadModelSnapshot?> ApplyChangesAsync(ReadModelSnapshot held, IDeltaExport deltas, CancellationToken cancellationToken)
    {
        var delta = new ReadModelDelta();
        if (await deltas.ExportChangesAsync(held.Version, MaxChanges(held), delta, cancellationToken) is not { } version)
        {
            return null;
        }
        return Apply(held, version, delta);
    }

    private static int MaxChanges(ReadModelSnapshot held) =>
        (int)Math.Min(int.MaxValue, Math.Max(1024L, ((long)held.NodeCount + held.LinkCount) / 4));

    /// <summary>
    /// <paramref name="held"/> with <paramref name="delta"/> applied, or null when the graph grew too large to hold, or
    /// when <paramref name="reindex"/> is false and the changes would build indexes again.
    /// </summary>
    internal ReadModelSnapshot? Apply(ReadModelSnapshot held, long version, ReadModelDelta delta, bool reindex = true)
    {
        var started = _time.GetTimestamp();
        if (held.Apply(version, delta, reindex) is not { } applied)
        {
            _logger.LogDebug("Changes since version {Since} would build the read model's indexes again: left for a build", held.Version);
            return null;
        }
        _logger.LogDebug("Changes since version {Since}: {Nodes} nodes, {Links} links written, {Removed} removed; applied in {Elapsed:0.0} ms",
            held.Version, delta.Nodes.Count, delta.Links.Count, delta.RemovedNodes.Count + delta.RemovedLinks.Count, _time.GetElapsedTime(started).TotalMilliseconds);
        if ((long)applied.NodeCount + applied.LinkCount > _maxElements)
        {
            TooLarge(applied.NodeCount, applied.LinkCount);
            return null;
        }
        return applied;
    }

    /// <summary>Publishes a snapshot made by applying changes to the one held.</summary>
    internal void Published(ReadModelSnapshot applied, long started, bool handedOver)
    {
        Publish(applied, started);
        Interlocked.Increment(ref _changesApplied);
        if (handedOver)
        {
            Interlocked.Increment(ref _changesHandedOver);
        }
        _logger.LogDebug("Applied the changes up to version {Version} to the read model in {Elapsed:0.0} ms", applied.Version, _time.GetElapsedTime(started).TotalMilliseconds);
    }

    internal void HandoverFailed(Exception e) =>
        // Reads go on: the next request of the new version reads the changes back.
        _logger.LogWarning(e, "Applying a write's changes to the read model failed");

    // Builds run one at a time, so a later version is never replaced by an earlier one.
    private void Publish(ReadModelSnapshot snapshot, long started)
    {
        Publishing?.Invoke(snapshot);
        Volatile.Write(ref _current, snapshot);
        Volatile.Write(ref _lastBuildTicks, _time.GetElapsedTime(started).Ticks);
        Volatile.Write(ref _lastBuildEnd, _time.GetTimestamp());
    }

    private void TooLarge(long nodes, long links)
    {
        Volatile.Write(ref _tooLargeSince, _time.GetTimestamp());
        Volatile.Write(ref _current, null);
        _logger.LogInformation("The graph ({Nodes} nodes, {Links} links) is larger than Graph:ReadModel:MaxElements ({Max}): reads go to the store",
            nodes, links, _maxElements);
    }
}
