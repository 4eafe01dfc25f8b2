using CoopGraph.Domain.Model;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Gives each request the reader of the store version current when it asks: the in-memory
/// <see cref="ReadModelSnapshot"/> when it is of that very version, otherwise the store itself while a snapshot of the
/// new version is built in the background. So a write is seen by the next request (it reads the store, or a snapshot
/// that includes the write) and no answer is ever older than the version the request began at.
/// <para>
/// The snapshot is built from the store's export, whichever store it is, so both stores share it. Builds run one at a
/// time on a thread of their own, and a build slower than the pace of writes is spaced by its own length: under
/// continuous writes the graph spends at most half of one core rebuilding, and reads go to the store meanwhile. A graph
/// larger than <c>maxElements</c> (nodes and links) is not copied at all: it is read from the store.
/// </para>
/// </summary>
public sealed class ReadModelProvider
{
    private static readonly TimeSpan SizeRecheck = TimeSpan.FromMinutes(1);

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

    /// <param name="maxElements">Above this many nodes and links together, no snapshot is kept; 0 turns the read model off.</param>
    /// <param name="maxWait">How long a reader waits for the snapshot of its version before it reads the store (0: never).</param>
    public ReadModelProvider(IGraphStore store, TimeProvider time, ILogger<ReadModelProvider> logger, long maxElements, TimeSpan maxWait)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _maxElements = maxElements;
        _maxWait = maxWait;
    }

    /// <summary>The snapshot built last (null before the first, or when the graph is too large to hold).</summary>
    public ReadModelSnapshot? Current => Volatile.Read(ref _current);

    public bool Enabled => _maxElements > 0;

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

    /// <summary>The reader for <paramref name="version"/>, just read from the store by the caller.</summary>
    public async ValueTask<IGraphReader> ReaderAsync(long version, CancellationToken cancellationToken)
    {
        if (!Serves)
        {
            return _store;
        }
        if (Current is { } current && current.Version == version)
        {
            return current;
        }
        if (Build(version) is { } build && _maxWait > TimeSpan.Zero)
        {
            if (await Task.WhenAny(build, Task.Delay(_maxWait, _time, cancellationToken)) == build
                && await build is { } built && built.Version == version)
            {
                return built;
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
        return _store;
    }

    private bool IsTooLarge()
    {
        var since = Volatile.Read(ref _tooLargeSince);
        return since >= 0 && _time.GetElapsedTime(since) < SizeRecheck;
    }

    /// <summary>The running build, or one started now when none runs and the last one is not too recent; null otherwise.</summary>
    private Task<ReadModelSnapshot?>? Build(long needed)
    {
        lock (_gate)
        {
            if (_building is { IsCompleted: false } running)
            {
                return running;
            }
            var lastDuration = TimeSpan.FromTicks(Volatile.Read(ref _lastBuildTicks));
            var sinceLast = _time.GetElapsedTime(Volatile.Read(ref _lastBuildEnd));
            // A reader that waits (tests, maxWait) always gets its build at once; otherwise builds are spaced by their
            // own length. A build put off is still made: requests answered from kept answers ask for none, so the read
            // model would otherwise stay behind for as long as they are all that comes.
            _building = _maxWait == TimeSpan.Zero && Current is not null && sinceLast < lastDuration
                ? Task.Delay(lastDuration - sinceLast, _time)
                    .ContinueWith(_ => OnOwnThread(needed), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap()
                : OnOwnThread(needed);
            return _building;
        }
    }

    // A thread of its own: the export's awaits complete synchronously on SQLite, so a build — seconds of CPU at scale —
    // would otherwise hold a pool thread that requests need.
    private Task<ReadModelSnapshot?> OnOwnThread(long needed) =>
        Task.Factory.StartNew(() => BuildAsync(needed, CancellationToken.None),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task<ReadModelSnapshot?> BuildAsync(long needed, CancellationToken cancellationToken)
    {
        try
        {
            var started = _time.GetTimestamp();
            var counts = await _store.CountAsync(Viewer.Everything, cancellationToken);
            if (counts.Nodes + counts.Links > _maxElements)
            {
                Volatile.Write(ref _tooLargeSince, _time.GetTimestamp());
                Volatile.Write(ref _current, null);
                _logger.LogInformation("The graph ({Nodes} nodes, {Links} links) is larger than Graph:ReadModel:MaxElements ({Max}): reads go to the store",
                    counts.Nodes, counts.Links, _maxElements);
                return null;
            }
            var builder = new ReadModelBuilder();
            // Everything: one snapshot answers every viewer, each node and link with its privateTo.
            var version = await _store.ExportAsync(Viewer.Everything, builder, cancellationToken);
            var snapshot = builder.Build(version, _store, _store as IFts5Search);
            // Builds run one at a time, so a later version is never replaced by an earlier one.
            Volatile.Write(ref _current, snapshot);
            Volatile.Write(ref _lastBuildTicks, _time.GetElapsedTime(started).Ticks);
            Volatile.Write(ref _lastBuildEnd, _time.GetTimestamp());
            _logger.LogInformation("Built the read model of version {Version} (asked for {Needed}): {Nodes} nodes, {Links} links in {Elapsed:0} ms",
                version, needed, snapshot.NodeCount, snapshot.LinkCount, _time.GetElapsedTime(started).TotalMilliseconds);
            return snapshot;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reads go on from the store; the next request after a write tries again.
            _logger.LogWarning(e, "Building the read model failed; reads go to the store");
            return null;
        }
    }
}
