using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Api.Commands;

/// <summary>
/// <c>import FILE...</c>: imports NDJSON files into the configured store, with a progress line (rows, rate, ETA)
/// on the error stream and the report as JSON on the output.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            await errors.WriteLineAsync("usage: import FILE.ndjson|FILE.csv... [--kind THEME|TERRITORY|POLICY|…] [--Graph:Embedded:Path PATH]");
            return 2;
        }
        var kind = CommandLine.Options(args.Skip(files.Count).ToArray()).GetValueOrDefault("--kind");
        // A batch process: collections that stop every thread now and then cost less than background ones competing for
        // the cores that read, check and write (docs/benchmarks.md, "Import").
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        using var host = await StoreHost.StartAsync(args.Skip(files.Count).ToArray(), cancellationToken);
        var store = host.Services.GetRequiredService<IGraphStore>();
        var failed = false;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                await errors.WriteLineAsync($"{file}: no such file.");
                failed = true;
                continue;
            }
            await using var stream = File.OpenRead(file);
            var clock = Stopwatch.StartNew();
            var progress = new ImmediateProgress<ImportProgress>(p =>
            {
                var fraction = stream.Length == 0 ? 1 : (double)stream.Position / stream.Length;
                var rate = p.LinesRead / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                var eta = fraction > 0 ? TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
                errors.Write($"\r{file}: {p.LinesRead:N0} rows, {rate:N0} rows/s, {fraction:P0}, ETA {eta:mm\\:ss}, {p.Rejected:N0} rejected   ");
            });
            ImportReport report;
            try
            {
                report = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                    ? await new ImportRunner(store).RunCsvAsync(new StreamReader(stream), kind, progress, cancellationToken)
                    : await new ImportRunner(store).RunAsync(stream, progress, cancellationToken);
            }
            catch (FormatException e)
            {
                await errors.WriteLineAsync($"{file}: {e.Message}");
                failed = true;
                continue;
            }
            await errors.WriteLineAsync($"\r{file}: {report.LinesRead:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({report.LinesRead / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0} rows/s), {report.Rejected:N0} rejected.");
            await output.WriteLineAsync(JsonSerializer.Serialize(new { file, report }, JsonSerializerOptions.Web));
            failed |= !report.Completed;
        }
        return failed ? 1 : 0;
    }
}
