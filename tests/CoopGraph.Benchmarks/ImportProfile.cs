using System.Diagnostics;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Benchmarks;

/// <summary>
/// Where an import's time goes: reading and mapping lines alone, checking and writing the same batches alone, one after
/// the other on one thread (read beforehand, so nothing runs beside the store), then the whole import into a fresh file.
/// </summary>
public static class ImportProfile
{
    public static async Task<int> RunAsync(string file)
    {
        var lines = await File.ReadAllLinesAsync(file);
        var clock = Stopwatch.StartNew();
        var read = new List<ImportLine>(lines.Length);
        var reader = new NdjsonLineReader();
        for (var i = 0; i < lines.Length; i++)
        {
            read.Add(reader.Read(System.Text.Encoding.UTF8.GetBytes(lines[i]), i + 1));
        }
        var parse = clock.Elapsed;
        var batches = read.Where(l => l.Problem is null).Chunk(ImportRunner.BatchSize).Select(chunk => new GraphBatch
        {
            Nodes = chunk.Where(l => l.Node is not null).Select(l => l.Node!).ToList(),
            Links = chunk.Where(l => l.Link is not null).Select(l => l.Link!).ToList(),
        }).ToList();
        var write = await InFreshStoreAsync(async store =>
        {
            await using var bulk = await store.BeginBulkLoadAsync(CancellationToken.None);
            foreach (var batch in batches)
            {
                var prepared = await bulk.PrepareAsync(batch, CancellationToken.None);
                var result = await bulk.WriteAsync(prepared, CancellationToken.None);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(result.Errors[0].Message);
                }
            }
        });
        ImportReport? report = null;
        var whole = await InFreshStoreAsync(async store =>
            report = await new ImportRunner(store).RunAsync(new StringReader(string.Join('\n', lines)), null, CancellationToken.None));
        Console.WriteLine(
            $"{lines.Length:N0} lines: reading and mapping alone {parse.TotalSeconds:0.00} s ({lines.Length / parse.TotalSeconds:N0} lines/s); " +
            $"checking and writing alone {write.TotalSeconds:0.00} s ({lines.Length / write.TotalSeconds:N0} rows/s); " +
            $"whole import {whole.TotalSeconds:0.00} s ({lines.Length / whole.TotalSeconds:N0} rows/s), {report!.Rejected} rejected");
        return 0;
    }

    private static async Task<TimeSpan> InFreshStoreAsync(Func<EmbeddedGraphStore, Task> work)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-import-profile-" + Guid.NewGuid().ToString("N"));
        var store = new EmbeddedGraphStore(Path.Combine(folder, "graph.db"), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await work(store);
        var elapsed = clock.Elapsed;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return elapsed;
    }
}
