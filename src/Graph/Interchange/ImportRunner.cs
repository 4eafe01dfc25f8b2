using System.Threading.Channels;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Interchange;

public sealed record RejectedLine(long Line, string Reason);

/// <param name="Completed">False when the import stopped early (cancelled, client gone): every committed batch is whole, re-run to finish.</param>
public sealed record ImportReport(long LinesRead, long NodesWritten, long LinksWritten, long Deleted, long Rejected, IReadOnlyList<RejectedLine> RejectedLines, bool Completed);

public sealed record ImportProgress(long LinesRead, long Written, long Rejected);

/// <summary>
/// Streams an NDJSON import into the store: lines are read one by one (never the whole input), checked, and
/// written in batches of <see cref="BatchSize"/>, each batch one atomic write. A line the store refuses is reported
/// and dropped from its batch, which is written without it: a bad line never stops or corrupts the rest. Writes are
/// upserts by id, so an interrupted import is finished by running it again.
/// </summary>
/// <param name="maxReportedRejections">How many refused lines the report lists (all are counted).</param>
public sealed class ImportRunner(IGraphStore store, int maxReportedRejections = ImportRunner.MaxReportedRejections)
{
    // Small enough that a batch dies young (a region import spent 0.4 s in collections with 10,000, 0.2 s with 2,500),
    // large enough that commits stay a small part of the write (1,500 was no faster). One batch waits between stages.
    public const int BatchSize = 2_500;
    public const int MaxReportedRejections = 1_000;
    private const int MaxAttempts = 8;

    // The store as the checking and writing stages use it: checking ahead when it can, else checking as it writes.
    private readonly IPlanAheadStore _writes = store as IPlanAheadStore ?? new NoCheckAhead(store);
    private readonly List<RejectedLine> _rejectedLines = [];
    private long _rejected;
    private long _nodes;
    private long _links;
    private long _deleted;

    /// <summary>An NDJSON stream, read as UTF-8 bytes a line at a time (see <see cref="Utf8Lines"/>).</summary>
    public Task<ImportReport> RunAsync(Stream ndjson, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync((output, ct) => ReadBatchesAsync(ndjson, output, ct), progress, cancellationToken);

    public Task<ImportReport> RunAsync(TextReader reader, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(Lines(reader, cancellationToken), progress, cancellationToken);

    /// <summary>
    /// A CSV file of one kind (see <see cref="CsvImport"/>); rows are numbered from 2, the header being row 1 (the empty
    /// line put first stands for it). The file is read on the import's reading thread, so a header it refuses surfaces here.
    /// </summary>
    public Task<ImportReport> RunCsvAsync(TextReader reader, string? kind, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(CsvImport.ToNdjson(reader, kind).Prepend("").ToAsyncEnumerable(), progress, cancellationToken);

    public Task<ImportReport> RunAsync(IAsyncEnumerable<string> input, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync((output, ct) => ReadBatchesAsync(input, output, ct), progress, cancellationToken);

    private async Task<ImportReport> RunAsync(Func<ChannelWriter<ParsedBatch>, CancellationToken, Task> read, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // Three stages, each on its own thread: reading lines, checking batches (ahead of their write when the store can,
        // see IPlanAheadStore), writing them. Each waits for the one before only when it has caught up with it, so the
        // import goes at the pace of the slowest stage rather than of their sum.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parsed = Channel.CreateBounded<ParsedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => CompleteWithAsync(parsed.Writer, ct => read(parsed.Writer, ct), stop.Token), stop.Token);
        long lines = 0;
        try
        {
            await using var bulk = await store.BeginBulkLoadAsync(cancellationToken);
            var checkedBatches = Channel.CreateBounded<CheckedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            var checking = Task.Run(() => CompleteWithAsync(checkedBatches.Writer, ct => CheckBatchesAsync(parsed.Reader, checkedBatches.Writer, ct), stop.Token), stop.Token);
            try
            {
                await foreach (var batch in checkedBatches.Reader.ReadAllAsync(cancellationToken))
                {
                    foreach (var rejected in batch.Rejected)
                    {
                        Reject(rejected.Line, rejected.Reason);
                    }
                    if (batch.Prepared is { } prepared)
                    {
                        await WriteAsync(batch.Lines, prepared, cancellationToken);
                    }
                    lines = batch.LinesRead;
                    progress?.Report(new ImportProgress(lines, _nodes + _links + _deleted, _rejected));
                }
                await reading;
                await checking;
                return Report(lines, completed: true);
            }
            finally
            {
                // Nothing is checked against the store once its load has ended.
                await stop.CancelAsync();
                await Quietly(checking);
            }
        }
        catch (OperationCanceledException)
        {
            return Report(lines, completed: false);
        }
        finally
        {
            await stop.CancelAsync();
            // The reader's own failure (an unreadable stream) surfaced through the channels above; here it only ends.
            await Quietly(reading);
        }
    }

    private static Task Quietly(Task task) =>
        task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Runs a stage; its failure ends its output channel, so that the next stage, and at last the writer, sees it.</summary>
    private static async Task CompleteWithAsync<T>(ChannelWriter<T> output, Func<CancellationToken, Task> stage, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await stage(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    /// <summary>
    /// Checks each batch as it comes: lines the store refuses are dropped (and reported) and the rest checked again,
    /// until what is left would be written whole.
    /// </summary>
    private async Task CheckBatchesAsync(ChannelReader<ParsedBatch> input, ChannelWriter<CheckedBatch> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken))
        {
            var lines = batch.Lines;
            var rejected = batch.Problems;
            PreparedWrite? prepared = null;
            for (var attempt = 0; lines.Count > 0 && prepared is null; attempt++)
            {
                var candidate = await _writes.PrepareAsync(ToBatch(lines), cancellationToken);
                if (candidate.Errors.Count == 0)
                {
                    prepared = candidate;
                }
                else
                {
                    lines = Narrow(lines, candidate.Errors, attempt, rejected);
                }
            }
            await output.WriteAsync(new CheckedBatch(lines, prepared, rejected, batch.LinesRead), cancellationToken);
        }
    }

    /// <summary>Writes a checked batch; if the store still refuses lines (checked again as written), drops them and writes the rest.</summary>
    private async Task WriteAsync(List<ImportLine> lines, PreparedWrite prepared, CancellationToken cancellationToken)
    {
        var batch = prepared.Batch;
        var result = await _writes.WriteAsync(prepared, cancellationToken);
        for (var attempt = 1; !result.Succeeded; attempt++)
        {
            var rejected = new List<RejectedLine>();
            lines = Narrow(lines, result.Errors, attempt, rejected);
            foreach (var line in rejected)
            {
                Reject(line.Line, line.Reason);
            }
            if (lines.Count == 0)
            {
                return;
            }
            batch = ToBatch(lines);
            result = await store.WriteAsync(batch, cancellationToken);
        }
        _nodes += batch.Nodes.Count;
        _links += batch.Links.Count;
        _deleted += batch.NodeDeletes.Count + batch.LinkDeletes.Count;
    }

    private static GraphBatch ToBatch(List<ImportLine> lines) => new()
    {
        Nodes = lines.Where(l => l.Node is not null).Select(l => l.Node!).ToList(),
        Links = lines.Where(l => l.Link is not null).Select(l => l.Link!).ToList(),
        NodeDeletes = lines.Where(l => l.NodeDelete is not null).Select(l => l.NodeDelete!).ToList(),
        LinkDeletes = lines.Where(l => l.LinkDelete is not null).Select(l => l.LinkDelete!).ToList(),
    };

    /// <summary>
    /// The lines of a refused batch worth trying again, the others added to <paramref name="rejected"/> with their reasons.
    /// A line flagged only as a duplicate of another may be fine once that other (bad) line is gone: the lines with
    /// other errors go first, and the duplicates only if they are all that is left. Errors that name no line cannot be
    /// narrowed down, nor can a batch after <see cref="MaxAttempts"/>: then the whole batch is refused rather than guessed at.
    /// </summary>
    private static List<ImportLine> Narrow(List<ImportLine> lines, IReadOnlyList<UserError> errors, int attempt, List<RejectedLine> rejected)
    {
        var byLine = errors.GroupBy(LineOf).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        if (byLine.ContainsKey(-1) || attempt >= MaxAttempts)
        {
            rejected.AddRange(lines.Select(l => new RejectedLine(l.Number, byLine.GetValueOrDefault(-1) ?? "Refused with its batch.")));
            return [];
        }
        var hard = errors.Where(e => e.Code != UserErrorCodes.Duplicate).Select(LineOf).ToHashSet();
        var dropped = hard.Count > 0 ? hard : byLine.Keys.ToHashSet();
        rejected.AddRange(dropped.Select(number => new RejectedLine(number, byLine[number])));
        return lines.Where(l => !dropped.Contains(l.Number)).ToList();
    }

    /// <summary>For a store that checks nothing ahead: each batch is checked when written.</summary>
    private sealed class NoCheckAhead(IGraphStore store) : IPlanAheadStore
    {
        public Task<PreparedWrite> PrepareAsync(GraphBatch batch, CancellationToken cancellationToken) =>
            Task.FromResult(PreparedWrite.Unchecked(batch));

        public Task<WriteResult> WriteAsync(PreparedWrite prepared, CancellationToken cancellationToken) =>
            store.WriteAsync(prepared.Batch, cancellationToken);
    }

    private static async Task ReadBatchesAsync(Stream input, ChannelWriter<ParsedBatch> output, CancellationToken cancellationToken)
    {
        var lines = new Utf8Lines(input, Utf8Lines.DefaultMaxLineBytes);
        var reader = new NdjsonLineReader();
        var batches = new BatchBuilder();
        long number = 0;
        while (await lines.FillAsync(cancellationToken))
        {
            number = ReadHeldLines(lines, reader, batches, number);
            await batches.SendReadyAsync(output, cancellationToken);
        }
        batches.Cut(number);
        await batches.SendReadyAsync(output, cancellationToken);
    }

    // Synchronous: the lines are spans of the reading buffer, which cannot live across an await.
    private static long ReadHeldLines(Utf8Lines lines, NdjsonLineReader reader, BatchBuilder batches, long number)
    {
        while (lines.TryTake(out var line, out var tooLong))
        {
            number++;
            if (tooLong)
            {
                batches.Add(new ImportLine(number, Problem: $"The line is longer than {Utf8Lines.DefaultMaxLineBytes / (1024 * 1024)} MB."));
            }
            else if (!line.Trim(" \t\r\n\f\v"u8).IsEmpty)
            {
                batches.Add(reader.Read(line, number));
            }
        }
        return number;
    }

    private static async Task ReadBatchesAsync(IAsyncEnumerable<string> input, ChannelWriter<ParsedBatch> output, CancellationToken cancellationToken)
    {
        var reader = new NdjsonLineReader();
        var batches = new BatchBuilder();
        long number = 0;
        await foreach (var text in input.WithCancellation(cancellationToken))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                batches.Add(reader.Read(System.Text.Encoding.UTF8.GetBytes(text), number));
                await batches.SendReadyAsync(output, cancellationToken);
            }
        }
        batches.Cut(number);
        await batches.SendReadyAsync(output, cancellationToken);
    }

    /// <summary>
    /// Gathers read lines into batches of at most <see cref="BatchSize"/>; a line that cannot be read goes with its
    /// batch as a problem. Deletions and upserts go in separate batches, so that a file's order of operations is kept.
    /// </summary>
    private sealed class BatchBuilder
    {
        private readonly List<ParsedBatch> _ready = [];
        private List<ImportLine> _pending = new(BatchSize);
        private List<RejectedLine> _problems = [];

        public void Add(ImportLine line)
        {
            if (line.Problem is { } problem)
            {
                _problems.Add(new RejectedLine(line.Number, problem));
                return;
            }
            if (_pending.Count > 0 && IsDelete(_pending[^1]) != IsDelete(line))
            {
                Cut(line.Number - 1);
            }
            _pending.Add(line);
            if (_pending.Count == BatchSize)
            {
                Cut(line.Number);
            }
        }

        public void Cut(long linesRead)
        {
            _ready.Add(new ParsedBatch(_pending, _problems, linesRead));
            (_pending, _problems) = (new List<ImportLine>(BatchSize), []);
        }

        public async ValueTask SendReadyAsync(ChannelWriter<ParsedBatch> output, CancellationToken cancellationToken)
        {
            foreach (var batch in _ready)
            {
                await output.WriteAsync(batch, cancellationToken);
            }
            _ready.Clear();
        }
    }

    private sealed record ParsedBatch(List<ImportLine> Lines, List<RejectedLine> Problems, long LinesRead);

    /// <param name="Prepared">Null when every line was refused.</param>
    private sealed record CheckedBatch(List<ImportLine> Lines, PreparedWrite? Prepared, List<RejectedLine> Rejected, long LinesRead);

    private static async IAsyncEnumerable<string> Lines(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }

    private static long LineOf(UserError error) =>
        error.Path is ["line", long number, ..] ? number : -1;

    private static bool IsDelete(ImportLine line) => line.NodeDelete is not null || line.LinkDelete is not null;

    private void Reject(long line, string reason)
    {
        _rejected++;
        if (_rejectedLines.Count < maxReportedRejections)
        {
            _rejectedLines.Add(new RejectedLine(line, reason));
        }
    }

    private ImportReport Report(long lines, bool completed) =>
        new(lines, _nodes, _links, _deleted, _rejected, _rejectedLines.OrderBy(r => r.Line).ToList(), completed);
}
