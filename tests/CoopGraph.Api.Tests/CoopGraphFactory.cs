using CoopGraph.Graph;
using CoopGraph.Graph.Embedded;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>The real app over HTTP, on its own SQLite file seeded with the demo data; store calls are counted.</summary>
public sealed class CoopGraphFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));

    public CountingStore? Counter { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:Embedded:Path", Path.Combine(_folder, "graph.db"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests read their own writes: an analysis waits for the new projection however loaded the machine is.
        builder.UseSetting("Graph:ProjectionMaxWaitMilliseconds", "60000");
        // A local instance: writes without a key (AccessTests runs with keys required).
        builder.UseSetting("Api:AllowAnonymousWrite", "true");
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IGraphStore>(sp => Counter = new CountingStore(sp.GetRequiredService<EmbeddedGraphStore>())));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
