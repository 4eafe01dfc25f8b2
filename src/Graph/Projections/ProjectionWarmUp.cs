using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Graph.Projections;

/// <summary>
/// Once the store is ready (at once, or when an unavailable store comes back), starts the first read model build and
/// builds the first projection in the background, so that neither the first read nor the first analysis pays for it.
/// </summary>
public sealed class ProjectionWarmUp(ProjectionProvider projections, ReadModelProvider readModel, StoreReadiness readiness, ILogger<ProjectionWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            // Starts its build and returns (no reader waits in production); the projection's build runs beside it.
            await readModel.ReaderAsync(stoppingToken);
            await projections.GetAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the next read or analysis tries again, and readiness reports the store.
            logger.LogWarning(e, "Could not build the first projection or read model");
        }
    }
}
