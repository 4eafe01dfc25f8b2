using CoopGraph.Domain.Model;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData;

public sealed record RejectedRow(long Row, string Reason);

/// <summary>What one file gave: rows read, what was written, rows refused (by row number), joins, rows left out on purpose.</summary>
/// <param name="Format">How the file was read (CSV and its encoding, a workbook's sheet, JSON), set by whoever opened it.</param>
public sealed record OpenDataFileReport(
    string File,
    string Source,
    string? Format,
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
    public async Task<OpenDataContext> CreateContextAsync(CancellationToken cancellationToken)
    {
        var context = new OpenDataContext(await CommuneDirectory.LoadAsync(store, cancellationToken));
        if ((await store.CountAsync(Viewer.Everything, cancellationToken)).Nodes == 0)
        {
            // An empty store holds no actor: a first import into it need not list, mid-run, the actors it writes itself.
            context.StoredActorsRead(new HashSet<string>());
        }
        return context;
    }

    /// <summary>
    /// The ids of the actors a number names (<c>siren:…</c>, <c>uai:…</c>), read once per run and only when a source
    /// joins by number: geography files and single-file imports over HTTP do not pay for listing every actor.
    /// </summary>
    private async Task EnsureStoredActorsAsync(OpenDataContext context, CancellationToken cancellationToken)
    {
        if (context.StoredActorsLoaded)
        {
            return;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var actors = new NodeQuery { Kinds = [.. Enum.GetValues<NodeKind>().Where(k => k.IsActor() && k != NodeKind.Service)] };
        await StoreNodes.ForEachAsync(store, actors, node =>
        {
            if (node.Id.StartsWith("siren:", StringComparison.Ordinal) || node.Id.StartsWith("uai:", StringComparison.Ordinal))
            {
                ids.Add(node.Id);
            }
        }, cancellationToken);
        context.StoredActorsRead(ids);
    }

    public async Task<OpenDataFileReport> ImportAsync(
        IRecordTable table, OpenDataSource source, string fileName, OpenDataContext context, IProgress<OpenDataProgress>? progress, CancellationToken cancellationToken)
    {
        RequireColumns(table, source);
        if (source.JoinsByNumber)
        {
            await EnsureStoredActorsAsync(context, cancellationToken);
        }
        var vintage = source.VintageOf(Path.GetFileName(fileName));
        var run = new SourceRun(context, source.Provenance(vintage), Path.GetFileName(fileName), vintage);
        source.Begin(table.Columns, run);
        var tally = new RowTally();

        var errors = new List<Domain.Validation.UserError>();
        ImportLine Line(long row, ImportItem item)
        {
            if (!item.IsLink && item["id"] is string id)
            {
                context.NodeEmitted(id);
            }
            return ImportLineMapper.Map(new InputReader(item.Fields), tally.LineFrom(row, item.IsLink), errors);
        }
        IEnumerable<ImportLine> Lines()
        {
            foreach (var record in table.Records())
            {
                tally.RowRead();
                foreach (var item in source.Map(record, run))
                {
                    yield return Line(record.Row, item);
                }
                foreach (var refusal in run.Refusals)
                {
                    tally.RefusedBySource(refusal.Row, refusal.Reason);
                }
                run.Refusals.Clear();
            }
            foreach (var (row, item) in source.Finish(run))
            {
                yield return Line(row, item);
            }
        }

        // Every refusal is classified as it happens, so that the progress and the report count alike: a link whose
        // other end is not in the graph is a join that found nothing (counted with the joins), anything else a row the
        // model refused.
        var rowProgress = progress is null ? null : new RowProgress(tally, progress);
        var report = await new ImportRunner(store, int.MaxValue, onRejected: tally.Refused).RunAsync(Lines(), rowProgress, cancellationToken);
        if (tally.NotJoined > 0)
        {
            run.Matches.Count(NotJoined, tally.NotJoined);
            if (report.LinksWritten > 0)
            {
                run.Matches.Count(Joined, report.LinksWritten);
            }
        }
        var final = tally.Progress();
        progress?.Report(final);
        return new OpenDataFileReport(
            fileName, source.Name, null, vintage, final.RowsRead, report.NodesWritten, report.LinksWritten, final.RowsRejected,
            tally.Rejected.OrderBy(r => r.Row).Take(ImportRunner.MaxReportedRejections).ToList(), run.Matches.Counts, run.Skipped.Counts, report.Completed);
    }

    /// <summary>The import's progress, told in the file's rows.</summary>
    private sealed class RowProgress(RowTally tally, IProgress<OpenDataProgress> inner) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => inner.Report(tally.Progress());
    }

    /// <summary>Refuses a file that lacks a column its format needs, naming every missing one.</summary>
    private static void RequireColumns(IRecordTable table, OpenDataSource source)
    {
        if (source.Reads(table.Columns))
        {
            return;
        }
        var missing = source.RequiredColumns.Where(c => !table.Columns.Contains(c, StringComparer.Ordinal)).ToList();
        throw new OpenDataFormatException(missing.Count > 0
            ? $"Missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (the file has {string.Join(", ", table.Columns)})."
            : $"Not a file of source '{source.Name}' (the file has {string.Join(", ", table.Columns)}).");
    }

    /// <summary>The outcome, among a report's matches, of links not written because their other end is not in the graph.</summary>
    public const string NotJoined = "link not written: its other end is not in the graph";
    private const string Joined = "link written: both ends in the graph";
}
