using System.Threading.Channels;

namespace CoopGraph.Graph.Interchange;

/// <summary>Lines read, in the order of the input, with the lines that could not be read; <see cref="LinesRead"/> counts both.</summary>
internal sealed record ParsedBatch(List<ImportLine> Lines, List<RejectedLine> Problems, long LinesRead);

/// <summary>
/// Gathers read lines into batches of at most <see cref="ImportRunner.BatchSize"/> and hands them to the next stage; a
/// line that cannot be read goes with its batch as a problem. Deletions and upserts go in separate batches, so that a
/// file's order of operations is kept.
/// </summary>
internal sealed class ImportBatcher(ChannelWriter<ParsedBatch> output)
{
    private readonly List<ParsedBatch> _ready = [];
    private List<ImportLine> _pending = new(ImportRunner.BatchSize);
    private List<RejectedLine> _problems = [];

    public void Add(ImportLine line)
    {
        if (line.IsBlank)
        {
            return;
        }
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
        if (_pending.Count == ImportRunner.BatchSize)
        {
            Cut(line.Number);
        }
    }

    /// <summary>Hands on the batches made so far; waits only when the next stage has not caught up.</summary>
    public async ValueTask SendReadyAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in _ready)
        {
            await output.WriteAsync(batch, cancellationToken);
        }
        _ready.Clear();
    }

    /// <summary>The input is read: the last batch goes, with the count of every line read.</summary>
    public async ValueTask FinishAsync(long linesRead, CancellationToken cancellationToken)
    {
        Cut(linesRead);
        await SendReadyAsync(cancellationToken);
    }

    private void Cut(long linesRead)
    {
        _ready.Add(new ParsedBatch(_pending, _problems, linesRead));
        (_pending, _problems) = (new List<ImportLine>(ImportRunner.BatchSize), []);
    }

    private static bool IsDelete(ImportLine line) => line.NodeDelete is not null || line.LinkDelete is not null;
}
