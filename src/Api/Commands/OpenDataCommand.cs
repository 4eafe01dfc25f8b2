using System.Text.Json;
using CoopGraph.Graph;
using CoopGraph.Graph.OpenData;
using CoopGraph.Graph.OpenData.Tables;

namespace CoopGraph.Api.Commands;

/// <summary>
/// <c>opendata import [--source NAME] FILE|FOLDER... </c>: imports official open-data files through their connectors.
/// A file's source is the last <c>--source</c> before it, or is recognised from its header; a folder stands for the
/// table files under it (CSV, XLSX, XLS, ODS, JSON); a schema or a format example among them is left out and said.
/// Files are imported in the connectors' order (geography first), whatever the order given, so that each finds what
/// it refers to. One JSON report per file on the output, progress on the error stream. <c>opendata fetch</c> and
/// <c>opendata addresses</c> are <see cref="OpenDataFetchCommand"/>'s.
/// </summary>
public static class OpenDataCommand
{
    private const string Usage =
        "usage: opendata import [--source NAME] FILE|FOLDER... [--Graph:Embedded:Path PATH]   (sources: opendata sources)\n"
        + "       opendata fetch --source NAME --out DIR [--dataset SLUG | --url URL] [--mirror URL]   (addresses: opendata addresses)";

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
        if (args is ["addresses", ..])
        {
            return await OpenDataFetchCommand.AddressesAsync(output);
        }
        if (args is ["fetch", .. var fetch])
        {
            return await OpenDataFetchCommand.RunAsync(fetch, output, errors, cancellationToken);
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

        // Each file is read here once to recognise it (or leave it out), and again when its turn comes: holding every
        // parsed workbook and JSON file until then would cost more memory than the second reading costs time.
        var planned = new List<(string File, OpenDataSource Source)>();
        var failed = false;
        foreach (var (file, forced) in files)
        {
            try
            {
                var (opened, reason) = TableFiles.OpenOrLeaveOut(file, HeaderTest(forced));
                if (opened is null)
                {
                    // Said and counted, never silent: a folder of published files also holds their schemas and examples.
                    await errors.WriteLineAsync($"{file}: left out, {reason}.");
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { file, leftOut = reason }, JsonSerializerOptions.Web));
                    continue;
                }
                using (opened)
                {
                    planned.Add((file, forced is null ? OpenDataSources.Detect(opened.Table.Columns) : OpenDataSources.Find(forced)));
                }
            }
            catch (Exception e) when (e is OpenDataFormatException or IOException or System.Text.Json.JsonException)
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
                using var opened = TableFiles.Open(file, source.Reads);
                // The progress and the final line count the same things, in the same words (rows rejected, links not joined).
                var progress = new ImmediateProgress<OpenDataProgress>(p =>
                    errors.Write($"\r{file} ({source.Name}): {p.RowsRead:N0} rows, {p.RowsRejected:N0} rows rejected, {p.LinksNotJoined:N0} links not joined   "));
                var report = await importer.ImportAsync(opened.Table, source, file, context, progress, cancellationToken) with { Format = opened.Format };
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

    /// <summary>Which row of a workbook is its header: one the named source reads, or one any source reads.</summary>
    private static Func<IReadOnlyList<string>, bool> HeaderTest(string? source) =>
        source is null ? columns => OpenDataSources.TryDetect(columns) is not null : OpenDataSources.Find(source).Reads;

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
                files.AddRange(Directory.EnumerateFiles(args[i], "*", SearchOption.AllDirectories)
                    .Where(TableFiles.IsTableFile).Order(StringComparer.Ordinal).Select(f => (f, source)));
            }
            else
            {
                files.Add((args[i], source));
            }
        }
        return (files, settings);
    }
}
