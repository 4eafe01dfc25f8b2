using CoopGraph.Graph.Demo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoopGraph.Graph;

/// <summary>Migrates the store before the server takes requests, then seeds the demo data into an empty store.</summary>
public sealed class StoreStartup(
    IStoreInitializer initializer, IGraphStore store, IOptions<GraphOptions> options, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.InitializeAsync(cancellationToken);
        var counts = await store.CountAsync(cancellationToken);
        if (counts.Nodes == 0 && options.Value.SeedDemo)
        {
            var result = await store.WriteAsync(DemoDataset.Load(), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The demo dataset is invalid: " + string.Join("; ", result.Errors.Take(5).Select(e => e.Message)));
            }
            counts = await store.CountAsync(cancellationToken);
            logger.LogInformation("Seeded the demo dataset: {Nodes} nodes, {Links} links", counts.Nodes, counts.Links);
        }
        else
        {
            logger.LogInformation("Graph store ready: {Nodes} nodes, {Links} links, version {Version}", counts.Nodes, counts.Links, counts.Version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
