using System.Diagnostics;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.Neo4j;

namespace CoopGraph.Api.Commands;

/// <summary>
/// <c>export --out PATH [--format ndjson|neo4j-admin]</c>: the whole graph of the configured store, at one version. As
/// NDJSON (what <c>/api/export</c> writes and <c>import</c> reads) to a file, or as the CSV files of
/// <c>neo4j-admin database import full</c> to a folder, for loading a large graph into Neo4j in minutes.
/// </summary>
public static class ExportCommand
{
    private const string Usage = "usage: export --out PATH [--format ndjson|neo4j-admin] [--Graph:Embedded:Path DB | --Graph:Provider Neo4j …]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var options = CommandLine.Options(args);
        var format = options.GetValueOrDefault("--format", "ndjson");
        if (!options.TryGetValue("--out", out var target) || format is not ("ndjson" or "neo4j-admin"))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        using var host = await StoreHost.StartAsync(args, cancellationToken);
        var store = host.Services.GetRequiredService<IGraphStore>();
        var clock = Stopwatch.StartNew();
        if (format == "ndjson")
        {
            long version;
            long nodes, links;
            await using (var file = new BufferedStream(File.Create(target), 1 << 20))
            using (var writer = new NdjsonGraphWriter(file))
            {
                version = await store.ExportAsync(Viewer.Everything, writer, cancellationToken);
                (nodes, links) = (writer.Nodes, writer.Links);
            }
            await output.WriteLineAsync($"Exported version {version}: {nodes} nodes, {links} links to {target} in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            await errors.WriteLineAsync($"{target} is not empty: give an empty or new folder.");
            return 1;
        }
        using (var csv = new Neo4jAdminCsv(target))
        {
            var version = await store.ExportAsync(Viewer.Everything, csv, cancellationToken);
            csv.Finish(version);
            await output.WriteLineAsync($"Exported version {version}: {csv.Nodes} nodes, {csv.Links} links to {target} in {clock.Elapsed.TotalSeconds:0.0} s.");
        }
        await output.WriteLineAsync("Load them into a stopped Neo4j (the database is replaced), then start it and CoopGraph:");
        await output.WriteLineAsync("  " + Neo4jAdminCsv.ImportCommand(Path.GetFullPath(target)));
        return 0;
    }
}
