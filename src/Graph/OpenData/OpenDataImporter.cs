using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData;

public sealed record RejectedRow(long Row, string Reason);

/// <summary>What one file gave: rows read, what was written, rows refused (by row number), joins, rows left out on purpose.</summary>
public sealed record OpenDataFileReport(
    string File,
    string Source,
    string? Vintage,
    long RowsRead,
    long NodesWritten,
    long LinksWritten,
    long RowsRejected,
    IReadOnlyList<RejectedRow> RejectedRows,
    IReadOnlyDictionary<string, long> Matches,
    IReadOnlyDictionary<string, long> Skipped,
    bool Completed);

/// <summary>
/// Imports published files through their connector and the same batched, atomic path as any NDJSON import
/// (<see cref="ImportRunner"/>): a connector turns each row into import lines, and the report takes refusals back
/// to the file's row numbers.
/// </summary>
public sealed class OpenDataImporter(IGraphStore store)
{
    public async Task<OpenDataContext> CreateContextAsync(CancellationToken cancellationToken) =>
        new(await CommuneDirectory.LoadAsync(store, cancellationToken));

    public async Task<OpenDataFileReport> ImportAsync(
        CsvTable table, OpenDataSource source, string fileName, OpenDataContext context, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        RequireColumns(table, source.RequiredColumns);
        var vintage = source.VintageOf(Path.GetFileName(fileName));
        var run = new SourceRun(context, source.Provenance(vintage));
        // The import line n came from file row rowOfLine[n - 1]. Written by the reading thread, read once the import has ended.
        var rowOfLine = new List<(long Row, bool IsLink)>();
        long rows = 0;

        var errors = new List<Domain.Validation.UserError>();
        ImportLine Line(long row, ImportItem item)
        {
            rowOfLine.Add((row, item.IsLink));
            return ImportLineMapper.Map(new InputReader(item.Fields), rowOfLine.Count, errors);
        }
        IEnumerable<ImportLine> Lines()
        {
            foreach (var record in table.Records())
            {
                rows++;
                foreach (var item in source.Map(record, run))
                {
                    yield return Line(record.Row, item);
                }
            }
            foreach (var (row, item) in source.Finish(run))
            {
                yield return Line(row, item);
            }
        }

        // Every refusal is kept so that each can be told apart: a link whose other end is not in the graph is a join
        // that found nothing (counted with the joins), anything else a row the model refused.
        var report = await new ImportRunner(store, int.MaxValue).RunAsync(Lines(), progress, cancellationToken);
        var rejected = new List<RejectedRow>();
        foreach (var line in report.RejectedLines)
        {
            var (row, isLink) = rowOfLine[(int)line.Line - 1];
            if (isLink && line.Reason.StartsWith(NotJoinedPrefix, StringComparison.Ordinal))
            {
                run.Matches.Count(NotJoined);
            }
            else
            {
                rejected.Add(new RejectedRow(row, line.Reason));
            }
        }
        if (report.LinksWritten > 0 && run.Matches.Counts.ContainsKey(NotJoined))
        {
            run.Matches.Count(Joined, report.LinksWritten);
        }
        var rejectedRows = rejected.Select(r => r.Row).Distinct().LongCount();
        return new OpenDataFileReport(
            fileName, source.Name, vintage, rows, report.NodesWritten, report.LinksWritten, rejectedRows,
            rejected.Take(ImportRunner.MaxReportedRejections).ToList(), run.Matches.Counts, run.Skipped.Counts, report.Completed);
    }

    /// <summary>Refuses a file that lacks a column its format needs, naming every missing one.</summary>
    private static void RequireColumns(CsvTable table, IReadOnlyCollection<string> required)
    {
        var missing = required.Where(c => !table.Columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new OpenDataFormatException(
                $"Missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (the file has {string.Join(", ", table.Columns)}).");
        }
    }

    private const string NotJoinedPrefix = "No node has id ";
    private const string NotJoined = "link not written: its other end is not in the graph";
    private const string Joined = "link written: both ends in the graph";
}
