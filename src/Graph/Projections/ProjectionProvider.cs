using CoopGraph.Domain.Analytics.Projection;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Graph.Projections;

/// <summary>
/// Holds the current <see cref="GraphProjection"/> and replaces it when the store has moved on. A reader gets
/// the current projection at once when it is as recent as the store; otherwise it waits for one build (shared
/// by everyone waiting) of a projection at least that recent. A projection is published only once complete.
/// </summary>
public sealed class ProjectionProvider(IGraphStore store, TimeProvider time, ILogger<ProjectionProvider> logger)
{
    private readonly SemaphoreSlim _build = new(1, 1);
    private GraphProjection? _current;

    /// <summary>The projection built last, without asking the store (null before the first build).</summary>
    public GraphProjection? Current => Volatile.Read(ref _current);

    public async Task<GraphProjection> GetAsync(CancellationToken cancellationToken)
    {
        var needed = await store.GetVersionAsync(cancellationToken);
        if (Current is { } current && current.Version >= needed)
        {
            return current;
        }
        await _build.WaitAsync(cancellationToken);
        try
        {
            if (Current is { } fresh && fresh.Version >= needed)
            {
                return fresh;
            }
            // The build is shared: one caller giving up must not waste it for the others.
            var built = await BuildAsync(CancellationToken.None);
            Volatile.Write(ref _current, built);
            return built;
        }
        finally
        {
            _build.Release();
        }
    }

    private async Task<GraphProjection> BuildAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var builder = new ProjectionBuilder();
        var version = await store.ExportAsync(builder, cancellationToken);
        var projection = builder.Build(version, time.GetUtcNow());
        logger.LogInformation("Built the projection of version {Version}: {Nodes} nodes, {Links} links in {Elapsed:0} ms",
            version, projection.NodeCount, projection.LinkCount, time.GetElapsedTime(started).TotalMilliseconds);
        return projection;
    }
}
