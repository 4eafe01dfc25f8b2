using CoopGraph.Domain.Model;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Graph.ReadModel;
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
/// <para>
/// For a store whose search is FTS5's, the same export also builds a <see cref="SearchIndex"/>, published with the
/// projection; <see cref="SearchAsync"/> answers from it only when it is of the store's version.
/// </para>
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
    private SearchIndex? _search;
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

    /// <summary>The search index built with <see cref="Current"/> (null before the first build, or when the store's search is not FTS5's).</summary>
    public SearchIndex? Search => Volatile.Read(ref _search);

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
            if (Spaced && Current is { } recent)
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
    /// The store's search (<see cref="IGraphReader.SearchAsync"/>) answered from the <see cref="Search"/> index when it is
    /// of the request's version, its nodes read through <paramref name="reader"/>; null when the store is to answer:
    /// the index is of another version (a build toward the store's is then started, unless builds are being spaced, and
    /// no one waits for it), a typed word is one the index leaves to the store, or a write committed while the nodes
    /// were read.
    /// </summary>
    /// <param name="pinned">The version the request reads, when it was read before execution: not asked of the store again.</param>
    public async Task<IReadOnlyList<Node>?> SearchAsync(IGraphReader reader, Viewer viewer, string text, int first, long? pinned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (_store is not IFts5Search)
        {
            return null;
        }
        var version = pinned ?? await _store.GetVersionAsync(cancellationToken);
        if (Search is not { } index || index.Version != version)
        {
            if (!Spaced)
            {
                Refresh(version);
            }
            return null;
        }
        if (index.Find(viewer, text, first) is not { } ids)
        {
            return null;
        }
        if (ids.Count == 0)
        {
            return [];
        }
        // Only the answer's own nodes are read: the index ranked and ordered them with the names of its version.
        var read = (await reader.GetNodesAsync(viewer, ids, cancellationToken)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        // Versions only move forward: the same version after the read means the nodes are those the index ranked.
        if (await _store.GetVersionAsync(cancellationToken) != version || read.Count != ids.Count)
        {
            return null;
        }
        return ids.Select(id => read[id]).ToList();
    }

    /// <summary>
    /// Whether builds are being spaced now: when rebuilds are slower than a reader may wait, they are spaced by at least
    /// their own length, so that under continuous writes the graph spends at most half of one core rebuilding.
    /// </summary>
    private bool Spaced => LastBuildDuration > _maxWait && _time.GetElapsedTime(Volatile.Read(ref _lastBuildEnd)) < LastBuildDuration;

    /// <summary>Starts a build for <paramref name="needed"/> unless one runs, for no one to wait: its failure is logged.</summary>
    private void Refresh(long needed)
    {
        var (build, _) = Build(needed);
        build.ContinueWith(
            failed => _logger.LogWarning(failed.Exception, "The projection could not be rebuilt for a search"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
                var (built, search) = await BuildAsync(CancellationToken.None);
                // Builds run one at a time, so a later build never publishes before an earlier one.
                Volatile.Write(ref _search, search);
                Volatile.Write(ref _current, built);
                return built;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            return (_building, true);
        }
    }

    private async Task<(GraphProjection Projection, SearchIndex? Search)> BuildAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var builder = new ProjectionBuilder();
        var text = _store is IFts5Search fts ? new SearchIndexBuilder(fts.SearchTokenizer) : null;
        long version;
        // Each builder on a thread of its own, the store's rows read once for both.
        using (var pipeline = new PipelinedSink(builder))
        using (var textPipeline = text is null ? null : new PipelinedSink(text))
        {
            version = await _store.ExportAsync(Viewer.Everything, textPipeline is null ? pipeline : new BothSinks(pipeline, textPipeline), cancellationToken);
            pipeline.Complete();
            textPipeline?.Complete();
        }
        var projection = builder.Build(version, _time.GetUtcNow());
        var search = text?.Build(version, projection);
        Volatile.Write(ref _lastBuildTicks, _time.GetElapsedTime(started).Ticks);
        Volatile.Write(ref _lastBuildEnd, _time.GetTimestamp());
        _logger.LogInformation("Built the projection of version {Version}: {Nodes} nodes, {Links} links in {Elapsed:0} ms",
            version, projection.NodeCount, projection.LinkCount, _time.GetElapsedTime(started).TotalMilliseconds);
        return (projection, search);
    }
}
