using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Graph.Projections;

/// <summary>
/// Builds the first projection in the background once the store is ready (at once, or when an unavailable store comes
/// back), so the first analysis does not pay for it.
/// </summary>
public sealed class ProjectionWarmUp(ProjectionProvider projections, StoreReadiness readiness, ILogger<ProjectionWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            await projections.GetAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the next analysis tries again, and readiness reports the store.
            logger.LogWarning(e, "Could not build the first projection");
        }
    }
}
