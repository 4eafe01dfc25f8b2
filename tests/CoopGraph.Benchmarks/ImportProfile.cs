using System.Diagnostics;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Benchmarks;

/// <summary>Where an import's time goes: reading and checking lines alone, then the whole import into a fresh file.</summary>
public static class ImportProfile
{
    public static async Task<int> RunAsync(string file)
    {
        var lines = await File.ReadAllLinesAsync(file);
        var clock = Stopwatch.StartNew();
        var items = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            items += NdjsonLineReader.Read(lines[i], i + 1).Problem is null ? 1 : 0;
        }
        var parse = clock.Elapsed;
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-import-profile-" + Guid.NewGuid().ToString("N"));
        var store = new EmbeddedGraphStore(Path.Combine(folder, "graph.db"), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        clock.Restart();
        var report = await new ImportRunner(store).RunAsync(new StringReader(string.Join('\n', lines)), null, CancellationToken.None);
        var total = clock.Elapsed;
        Console.WriteLine($"{lines.Length:N0} lines: reading and mapping {parse.TotalSeconds:0.00} s ({lines.Length / parse.TotalSeconds:N0} lines/s); whole import {total.TotalSeconds:0.00} s ({lines.Length / total.TotalSeconds:N0} rows/s), {report.Rejected} rejected");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
