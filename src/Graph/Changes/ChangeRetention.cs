using CoopGraph.Graph.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoopGraph.Graph.Changes;

/// <summary>Once the store is ready, and every hour after, forgets the changes older than <see cref="ChangeFeedOptions.RetentionDays"/>.</summary>
public sealed class ChangeRetention(
    IChangeFeed feed, StoreReadiness readiness, TimeProvider time, IOptions<ChangeFeedOptions> options, ILogger<ChangeRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(Period, time);
            do
            {
                try
                {
                    var removed = await feed.PruneChangesAsync(time.GetUtcNow().AddDays(-options.Value.RetentionDays), stoppingToken);
                    if (removed > 0)
                    {
                        logger.LogInformation("Forgot {Count} changes older than {Days} days", removed, options.Value.RetentionDays);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next round tries again; the feed only keeps more than it must meanwhile.
                    logger.LogWarning(e, "Could not prune the change feed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
