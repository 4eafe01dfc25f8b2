using CoopGraph.Graph.Demo;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoopGraph.Graph;

/// <summary>
/// Prepares the store before the server takes requests (migrations or constraints), then seeds the demo data into an
/// empty store. When the store cannot be reached (Neo4j down or still starting), the server starts anyway, so that
/// health and errors are answered, and the preparation is retried in the background until it succeeds.
/// </summary>
public sealed class StoreStartup(
    IStoreInitializer initializer, IGraphStore store, StoreReadiness readiness, IOptions<GraphOptions> options, TimeProvider time,
    ILogger<StoreStartup> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retrying;
    private int _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PrepareAsync(cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("The graph store is not available yet ({Reason}); the server starts and keeps trying", e.Message);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host torn down in a hurry (a test factory disposed while starting) may dispose services before stopping them.
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }
        await _stopping.CancelAsync();
        if (_retrying is not null)
        {
            await _retrying.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
        }
    }

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
                await PrepareAsync(stoppingToken);
                logger.LogInformation("The graph store is available again");
                return;
            }
            catch (StoreUnavailableException e)
            {
                logger.LogDebug("The graph store is still not available: {Reason}", e.Message);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Preparing the graph store failed");
                delay = LongestRetry;
            }
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await initializer.InitializeAsync(cancellationToken);
        var counts = await store.CountAsync(Viewer.Everything, cancellationToken);
        if (counts.Nodes == 0 && options.Value.SeedDemo)
        {
            var result = await store.WriteAsync(DemoDataset.Load(), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The demo dataset is invalid: " + string.Join("; ", result.Errors.Take(5).Select(e => e.Message)));
            }
            counts = await store.CountAsync(Viewer.Everything, cancellationToken);
            logger.LogInformation("Seeded the demo dataset: {Nodes} nodes, {Links} links", counts.Nodes, counts.Links);
        }
        else
        {
            logger.LogInformation("Graph store ready: {Nodes} nodes, {Links} links, version {Version}", counts.Nodes, counts.Links, counts.Version);
        }
        readiness.MarkReady();
    }
}

/// <summary>Completes once the store is prepared; work that needs the store at start (the first projection) waits for it.</summary>
public sealed class StoreReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompleted;

    public void MarkReady() => _ready.TrySetResult();
}
