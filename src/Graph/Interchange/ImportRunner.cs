using System.Threading.Channels;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Streams an import into the store: a source reads lines one by one (never the whole input), a batcher gathers them
/// into batches of <see cref="BatchSize"/>, each batch is checked and written as one atomic write. A line the store
/// refuses is reported and dropped from its batch, which is written without it (<see cref="BatchNarrowing"/>): a bad
/// line never stops or corrupts the rest. Writes are upserts by id, so an interrupted import is finished by running it
/// again. Each run counts from zero.
/// </summary>
/// <param name="maxReportedRejections">How many refused lines the report lists (all are counted).</param>
/// <param name="writer">Who imports: a key bound to an authority imports data private to it (see GraphBatch.Writer); by default, everything may be written (the command line).</param>
/// <param name="onRejected">Told of each refused line as the import goes (see ImportTally).</param>
public sealed class ImportRunner(
    IGraphStore store, int maxReportedRejections = ImportRunner.MaxReportedRejections, Viewer? writer = null, Action<RejectedLine>? onRejected = null)
{
    private readonly Viewer _writer = writer ?? Viewer.Everything;

    // Small enough that a batch's memory dies young, large enough that commits stay a small part of the write.
    public const int BatchSize = 2_500;
    public const int MaxReportedRejections = 1_000;

    /// <summary>An NDJSON stream, read as UTF-8 bytes a line at a time.</summary>
    public Task<ImportReport> RunAsync(Stream ndjson, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(new NdjsonStreamSource(ndjson), progress, cancellationToken);

    public Task<ImportReport> RunAsync(TextReader ndjson, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(new NdjsonTextSource(NdjsonTextSource.Lines(ndjson, cancellationToken)), progress, cancellationToken);

    public Task<ImportReport> RunAsync(IAsyncEnumerable<string> ndjson, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(new NdjsonTextSource(ndjson), progress, cancellationToken);

    /// <summary>Lines already mapped (see <see cref="ImportLineMapper"/>), numbered by whoever made them.</summary>
    public Task<ImportReport> RunAsync(IEnumerable<ImportLine> lines, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(new ImportLineSource(lines), progress, cancellationToken);

    /// <summary>
    /// A CSV file of one kind (see <see cref="CsvImport"/>), its rows numbered as the file's lines. The file is read on
    /// the import's reading thread, so a header it refuses surfaces here as a <see cref="FormatException"/>.
    /// </summary>
    public Task<ImportReport> RunCsvAsync(TextReader reader, string? kind, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(new ImportLineSource(CsvImport.Lines(reader, kind)), progress, cancellationToken);

    /// <summary>The import on the threads of <see cref="LowPriorityScheduler"/>, so that reads served meanwhile come first.</summary>
    private Task<ImportReport> RunAsync(ImportSource source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => RunStagesAsync(source, progress, cancellationToken), CancellationToken.None,
            TaskCreationOptions.DenyChildAttach, LowPriorityScheduler.Shared).Unwrap();

    private async Task<ImportReport> RunStagesAsync(ImportSource source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // Three stages, each on its own thread: reading lines, checking batches (ahead of their write when the store can,
        // see IBulkLoad), writing them. Each waits for the one before only when it has caught up with it, so the import
        // goes at the pace of the slowest stage rather than of their sum.
        var tally = new ImportTally(maxReportedRejections, onRejected);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parsed = Channel.CreateBounded<ParsedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = OnThisScheduler(() => CompleteWithAsync(parsed.Writer, ct => source.ReadAsync(new ImportBatcher(parsed.Writer), ct), stop.Token), stop.Token);
        long lines = 0;
        try
        {
            await using var load = await store.BeginBulkLoadAsync(cancellationToken);
            var checkedBatches = Channel.CreateBounded<CheckedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            var checking = OnThisScheduler(() => CompleteWithAsync(checkedBatches.Writer, ct => CheckBatchesAsync(load, parsed.Reader, checkedBatches.Writer, ct), stop.Token), stop.Token);
            try
            {
                await foreach (var batch in checkedBatches.Reader.ReadAllAsync(cancellationToken))
                {
                    batch.Rejected.ForEach(tally.Reject);
                    if (batch.Prepared is { } prepared)
                    {
                        await WriteAsync(load, batch.Lines, prepared, tally, cancellationToken);
                    }
                    lines = batch.LinesRead;
                    progress?.Report(tally.Progress(lines));
                }
                await reading;
                await checking;
                return tally.Report(lines, completed: true);
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
            return tally.Report(lines, completed: false);
        }
        finally
        {
            await stop.CancelAsync();
            // The reader's own failure (an unreadable stream) surfaced through the channels above; here it only ends.
            await Quietly(reading);
        }
    }

    /// <summary>A stage started on the scheduler the import runs on (Task.Run would start it on the thread pool's).</summary>
    private static Task OnThisScheduler(Func<Task> stage, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(stage, cancellationToken, TaskCreationOptions.DenyChildAttach, TaskScheduler.Current).Unwrap();

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
    private async Task CheckBatchesAsync(IBulkLoad load, ChannelReader<ParsedBatch> input, ChannelWriter<CheckedBatch> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken))
        {
            var lines = batch.Lines;
            var rejected = batch.Problems;
            PreparedWrite? prepared = null;
            for (var attempt = 0; lines.Count > 0 && prepared is null; attempt++)
            {
                var candidate = await load.PrepareAsync(BatchNarrowing.ToBatch(lines, _writer), cancellationToken);
                if (candidate is PreparedWrite.Refused refused)
                {
                    lines = BatchNarrowing.Narrow(lines, refused.Errors, attempt, rejected);
                }
                else
                {
                    prepared = candidate;
                }
            }
            await output.WriteAsync(new CheckedBatch(lines, prepared, rejected, batch.LinesRead), cancellationToken);
        }
    }

    /// <summary>Writes a checked batch; if the store still refuses lines (checked again as written), drops them and writes the rest.</summary>
    private async Task WriteAsync(IBulkLoad load, List<ImportLine> lines, PreparedWrite prepared, ImportTally tally, CancellationToken cancellationToken)
    {
        var batch = prepared.Batch;
        var result = await load.WriteAsync(prepared, cancellationToken);
        for (var attempt = 1; !result.Succeeded; attempt++)
        {
            var rejected = new List<RejectedLine>();
            lines = BatchNarrowing.Narrow(lines, result.Errors, attempt, rejected);
            rejected.ForEach(tally.Reject);
            if (lines.Count == 0)
            {
                return;
            }
            batch = BatchNarrowing.ToBatch(lines, _writer);
            result = await store.WriteAsync(batch, cancellationToken);
        }
        tally.Written(batch);
    }

    /// <param name="Prepared">Null when every line was refused.</param>
    private sealed record CheckedBatch(List<ImportLine> Lines, PreparedWrite? Prepared, List<RejectedLine> Rejected, long LinesRead);
}
