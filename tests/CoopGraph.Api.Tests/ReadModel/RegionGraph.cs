using CoopGraph.Domain.Generation;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>The generated region graph (53,800 nodes, 283,597 links), imported once into a SQLite file the tests share and only read.</summary>
public sealed class RegionGraph : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", "region-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "region.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "region.ndjson");
        await using (var stream = File.Create(file))
        using (var writer = new NdjsonGraphWriter(stream))
        {
            new GraphGenerator(GeneratorScale.Region).Generate(writer);
        }
        var store = new EmbeddedGraphStore(DatabasePath, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        using var reader = new StreamReader(file);
        var report = await new ImportRunner(store).RunAsync(reader, null, CancellationToken.None);
        Assert.True(report.Completed && report.Rejected == 0, "The region graph did not import whole.");
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }
}
