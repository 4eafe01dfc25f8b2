using CoopGraph.Graph;
using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>Waits until an app's read model holds the store's current version, and gives that version.</summary>
internal static class HeldVersion
{
    public static async Task<long> WaitAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IGraphStore>();
        var readModel = services.GetRequiredService<ReadModelProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var version = await store.GetVersionAsync(CancellationToken.None);
            if (await readModel.ReaderAsync(version, CancellationToken.None) is ReadModelSnapshot snapshot && snapshot.Version == version)
            {
                return version;
            }
            Assert.True(DateTime.UtcNow < deadline, "The read model never held the store's version.");
            await Task.Delay(50);
        }
    }
}
