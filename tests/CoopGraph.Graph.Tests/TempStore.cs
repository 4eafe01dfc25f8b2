using CoopGraph.Graph.Embedded;

namespace CoopGraph.Graph.Tests;

/// <summary>A real SQLite file in its own temp folder, removed after the test.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-tests", Guid.NewGuid().ToString("N"));

    public TempStore() => Store = Open();

    public EmbeddedGraphStore Store { get; }

    public string DatabasePath => Path.Combine(_folder, "graph.db");

    public EmbeddedGraphStore Open() => new(DatabasePath, TimeProvider.System);

    public static async Task<TempStore> CreateAsync(bool seedDemo = false)
    {
        var temp = new TempStore();
        await temp.Store.InitializeAsync(CancellationToken.None);
        if (seedDemo)
        {
            var result = await temp.Store.WriteAsync(Demo.DemoDataset.Load(), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        }
        return temp;
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
