using CoopGraph.Domain.Model;
using CoopGraph.Domain.Analytics.Projection;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Graph.Projections;

/// <summary>
/// Holds the current <see cref="GraphProjection"/> and replaces it when the store has moved on. A reader gets the
/// current projection at once when it is as recent as the store. Otherwise it waits up to <c>maxWait</c> for a rebuild
/// that will include the version it read (so that a write followed by a read sees itself), starting one if none runs;
/// it answers at once from the previous projection when the rebuild running is of an older version, or when the last
/// rebuild took longer than <c>maxWait</c> (waiting would only add <c>maxWait</c> to its answer). So during
/// an import, which commits batch after batch, reads keep their pace instead of queueing behind rebuild after rebuild
/// (each takes seconds at scale), and such slow rebuilds are spaced by at least their own length.
/// The first projection is always waited for. A projection is built from one snapshot of the store and
/// published only once complete, so a reader sees the old graph or the new one, never a mix.
/// </summary>
public sealed class ProjectionProvider
{
    /// <summary>How long a reader waits for a newer projection before it answers from the previous one.</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromMilliseconds(250);

    private readonly IGraphStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ProjectionProvider> _logger;
    private readonly TimeSpan _maxWait;
    private readonly Lock _gate = new();
    private GraphProjection? _current;
    private Task<GraphProjection>? _building;
    private long _buildingFor;
    private long _lastBuildTicks;
    private long _lastBuildEnd;

    private TimeSpan LastBuildDuration => TimeSpan.FromTicks(Volatile.Read(ref _lastBuildTicks));

    public ProjectionProvider(IGraphStore store, TimeProvider time, ILogger<ProjectionProvider> logger, TimeSpan? maxWait = null)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _maxWait = maxWait ?? DefaultMaxWait;
    }

    /// <summary>The projection built last, without asking the store (null before the first build).</summary>
    public GraphProjection? Current => Volatile.Read(ref _current);

    public async Task<GraphProjection> GetAsync(CancellationToken cancellationToken)
    {
        var needed = await _store.GetVersionAsync(cancellationToken);
        var deadline = _time.GetTimestamp();
        while (true)
        {
            if (Current is { } current && current.Version >= needed)
            {
                return current;
            }
            // When rebuilds are slower than a reader may wait, they are also spaced by at least their own length: under
            // continuous writes the graph then spends at most half of one core rebuilding, not all of it.
            if (Current is { } recent && LastBuildDuration > _maxWait && _time.GetElapsedTime(Volatile.Read(ref _lastBuildEnd)) < LastBuildDuration)
            {
                return recent;
            }
            var (build, covers) = Build(needed);
            if (Current is { } previous)
            {
                var left = _maxWait - _time.GetElapsedTime(deadline);
                if (!covers || left <= TimeSpan.Zero || LastBuildDuration > left || await Task.WhenAny(build, Task.Delay(left, _time, cancellationToken)) != build)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return previous;
                }
            }
            // A build that started before the version this reader needs ends older: the loop then starts the next one.
            await build.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The running build, or a new one started for <paramref name="needed"/>; <c>Covers</c> when it will include that
    /// version. A build runs to its end whoever stops waiting for it.
    /// </summary>
    private (Task<GraphProjection> Build, bool Covers) Build(long needed)
    {
        lock (_gate)
        {
            if (_building is { IsCompleted: false } running)
            {
                return (running, _buildingFor >= needed);
            }
            _buildingFor = needed;
            // A thread of its own: the export's awaits complete synchronously (SQLite), so the whole build — seconds of
            // CPU at scale — would otherwise hold a thread-pool thread, and on few cores requests would queue behind it
            // for the pool to grow.
            _building = Task.Factory.StartNew(async () =>
            {
                var built = await BuildAsync(CancellationToken.None);
                // Builds run one at a time, so a later build never publishes before an earlier one.
                Volatile.Write(ref _current, built);
                return built;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            return (_building, true);
        }
    }

    private async Task<GraphProjection> BuildAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var builder = new ProjectionBuilder();
        long version;
        using (var pipeline = new PipelinedSink(builder))
        {
            version = await _store.ExportAsync(Viewer.Everything, pipeline, cancellationToken);
            pipeline.Complete();
        }
        var projection = builder.Build(version, _time.GetUtcNow());
        Volatile.Write(ref _lastBuildTicks, _time.GetElapsedTime(started).Ticks);
        Volatile.Write(ref _lastBuildEnd, _time.GetTimestamp());
        _logger.LogInformation("Built the projection of version {Version}: {Nodes} nodes, {Links} links in {Elapsed:0} ms",
            version, projection.NodeCount, projection.LinkCount, _time.GetElapsedTime(started).TotalMilliseconds);
        return projection;
    }
}
