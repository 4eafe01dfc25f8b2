using System.Text.Json;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData;

namespace CoopGraph.Api.Commands;

/// <summary>
/// <c>opendata import [--source NAME] FILE|FOLDER... </c>: imports official open-data files through their connectors.
/// A file's source is the last <c>--source</c> before it, or is recognised from its header; a folder stands for the
/// CSV files under it. Files are imported in the connectors' order (geography first), whatever the order given, so
/// that each finds what it refers to. One JSON report per file on the output, progress on the error stream.
/// </summary>
public static class OpenDataCommand
{
    private const string Usage = "usage: opendata import [--source NAME] FILE|FOLDER... [--Graph:Embedded:Path PATH]   (sources: opendata sources)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (args is ["sources", ..])
        {
            foreach (var source in OpenDataSources.All)
            {
                await output.WriteLineAsync($"{source.Name,-32} {source.Title}");
            }
            return 0;
        }
        if (args is not ["import", .. var rest])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        var (files, settings) = Parse(rest);
        if (files.Count == 0)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        using var host = await StoreHost.StartAsync([.. settings], cancellationToken);
        var importer = new OpenDataImporter(host.Services.GetRequiredService<IGraphStore>());

        var planned = new List<(string File, OpenDataSource Source)>();
        var failed = false;
        foreach (var (file, forced) in files)
        {
            try
            {
                using var reader = new StreamReader(file);
                using var table = CsvTable.Open(reader);
                planned.Add((file, forced is null ? OpenDataSources.Detect(table.Columns) : OpenDataSources.Find(forced)));
            }
            catch (Exception e) when (e is OpenDataFormatException or IOException)
            {
                await errors.WriteLineAsync($"{file}: {e.Message}");
                failed = true;
            }
        }

        var context = await importer.CreateContextAsync(cancellationToken);
        var vintages = new List<string>();
        foreach (var (file, source) in planned.OrderBy(p => OpenDataSources.Rank(p.Source)))
        {
            try
            {
                using var reader = new StreamReader(file);
                using var table = CsvTable.Open(reader);
                // The progress and the final line count the same things, in the same words (rows rejected, links not joined).
                var progress = new ImmediateProgress<OpenDataProgress>(p =>
                    errors.Write($"\r{file} ({source.Name}): {p.RowsRead:N0} rows, {p.RowsRejected:N0} rows rejected, {p.LinksNotJoined:N0} links not joined   "));
                var report = await importer.ImportAsync(table, source, file, context, progress, cancellationToken);
                var notJoined = report.Matches.GetValueOrDefault(OpenDataImporter.NotJoined);
                await errors.WriteLineAsync(
                    $"\r{file} ({source.Name}{(report.Vintage is null ? "" : ", " + report.Vintage)}): {report.RowsRead:N0} rows, {report.NodesWritten:N0} nodes and {report.LinksWritten:N0} links written, {report.RowsRejected:N0} rows rejected, {notJoined:N0} links not joined.");
                await output.WriteLineAsync(JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
                vintages.AddIfNew(report.Vintage);
                failed |= !report.Completed;
            }
            catch (OpenDataFormatException e)
            {
                await errors.WriteLineAsync($"{file} ({source.Name}): {e.Message}");
                failed = true;
            }
        }
        if (vintages.Count > 1)
        {
            // Not an error: official files are published on their own calendars. Said, so that nobody reads them as one date.
            await errors.WriteLineAsync($"Vintages differ between these files: {string.Join(", ", vintages.Order(StringComparer.Ordinal))}; each node and link records its own in 'source'.");
        }
        return failed ? 1 : 0;
    }

    private static void AddIfNew(this List<string> list, string? value)
    {
        if (value is not null && !list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static (List<(string File, string? Source)> Files, List<string> Settings) Parse(string[] args)
    {
        var files = new List<(string, string?)>();
        var settings = new List<string>();
        string? source = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--source" && i + 1 < args.Length)
            {
                source = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(args[i]);
                if (i + 1 < args.Length && !args[i].Contains('='))
                {
                    settings.Add(args[++i]);
                }
            }
            else if (Directory.Exists(args[i]))
            {
                files.AddRange(Directory.EnumerateFiles(args[i], "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, source)));
            }
            else
            {
                files.Add((args[i], source));
            }
        }
        return (files, settings);
    }
}
