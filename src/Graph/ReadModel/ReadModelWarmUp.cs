using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Graph.ReadModel;

/// <summary>Starts the first read model build once the store is ready, so that the first requests find it built.</summary>
public sealed class ReadModelWarmUp(ReadModelProvider readModel, StoreReadiness readiness, ILogger<ReadModelWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            await readModel.ReaderAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: reads go to the store, and the next one tries again.
            logger.LogWarning(e, "Could not start the first read model build");
        }
    }
}
