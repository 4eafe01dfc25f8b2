using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoopGraph.Api.Tests;

/// <summary>
/// The real app on a SQLite file of its own, removed with the factory. Analyses wait for the projection of the
/// latest write however loaded the machine is (tests read their own writes). Subclasses add their settings.
/// </summary>
public abstract class IsolatedAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The store's file: in a fresh folder unless a subclass points at an existing database.</summary>
    public virtual string DatabasePath => Path.Combine(_folder, "graph.db");

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:Embedded:Path", DatabasePath);
        builder.UseSetting("Graph:ProjectionMaxWaitMilliseconds", "60000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        Configure(builder);
    }

    /// <summary>Settings and services of this factory; later settings win over the ones above.</summary>
    protected abstract void Configure(IWebHostBuilder builder);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        RemoveFolder();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        RemoveFolder();
    }

    private void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
