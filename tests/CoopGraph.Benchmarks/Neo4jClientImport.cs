using System.Diagnostics;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.Neo4j;
using CoopGraph.Graph.Options;
using CoopGraph.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Benchmarks;

/// <summary>
/// An import through the Neo4j store into a scripted Query API (same process) that answers every statement at once:
/// what CoopGraph's side of a Neo4j load costs — planning, JSON, HTTP — and how many requests it takes. A real server
/// adds its own work to each request; this is the rate CoopGraph could not go beyond.
/// </summary>
public static class Neo4jClientImport
{
    public static async Task<int> RunAsync(string file)
    {
        var graph = ScriptedGraph.Empty();
        var answering = new Stopwatch();
        await using var server = await ScriptedNeo4j.StartAsync(request =>
        {
            // The scripted server's own work (parsing each body, remembering ids) is timed apart from the import's.
            lock (answering)
            {
                answering.Start();
                try
                {
                    return graph.Respond(request);
                }
                finally
                {
                    answering.Stop();
                }
            }
        });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Neo4jOptions>().Configure(o => (o.Uri, o.Password) = (server.Uri, "benchmark"));
        services.AddNeo4jQueryClient();
        services.AddSingleton<Neo4jGraphStore>();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<Neo4jGraphStore>();
        await store.InitializeAsync(CancellationToken.None);
        var before = server.Requests.Count;
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        var report = await new ImportRunner(store).RunAsync(stream, null, CancellationToken.None);
        var elapsed = clock.Elapsed;
        var requests = server.Requests.Skip(before).ToList();
        var bytes = requests.Sum(r => (long)r.Body.Length);
        Console.WriteLine($"{report.LinesRead:N0} lines ({report.Rejected:N0} rejected) in {elapsed.TotalSeconds:0.0} s: {report.LinesRead / elapsed.TotalSeconds:N0} rows/s");
        var client = elapsed - answering.Elapsed;
        Console.WriteLine($"of which the scripted server answering {answering.Elapsed.TotalSeconds:0.0} s; CoopGraph's side {client.TotalSeconds:0.0} s: {report.LinesRead / client.TotalSeconds:N0} rows/s");
        Console.WriteLine($"{requests.Count:N0} requests ({requests.Count * 1000.0 / report.LinesRead:0.00} per 1,000 rows), {bytes / 1e6:N0} MB sent");
        foreach (var group in requests.GroupBy(ScriptedGraph.NameOf).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {group.Key,-22} {group.Count(),7:N0}");
        }
        return 0;
    }
}
