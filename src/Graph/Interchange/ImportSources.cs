namespace CoopGraph.Graph.Interchange;

/// <summary>Where an import's lines come from: a source reads its input on the import's reading thread and hands each line to the batcher.</summary>
internal abstract class ImportSource
{
    public abstract Task ReadAsync(ImportBatcher batches, CancellationToken cancellationToken);
}

/// <summary>An NDJSON stream, read as UTF-8 bytes a line at a time (see <see cref="Utf8Lines"/>), never as text.</summary>
internal sealed class NdjsonStreamSource(Stream input) : ImportSource
{
    public override async Task ReadAsync(ImportBatcher batches, CancellationToken cancellationToken)
    {
        var lines = new Utf8Lines(input, Utf8Lines.DefaultMaxLineBytes);
        var reader = new NdjsonLineReader();
        long number = 0;
        while (await lines.FillAsync(cancellationToken))
        {
            number = ReadHeldLines(lines, reader, batches, number);
            await batches.SendReadyAsync(cancellationToken);
        }
        await batches.FinishAsync(number, cancellationToken);
    }

    // Synchronous: the lines are spans of the reading buffer, which cannot live across an await.
    private static long ReadHeldLines(Utf8Lines lines, NdjsonLineReader reader, ImportBatcher batches, long number)
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
}

/// <summary>NDJSON already split into lines of text (a text reader, or lines a caller makes).</summary>
internal sealed class NdjsonTextSource(IAsyncEnumerable<string> input) : ImportSource
{
    public override async Task ReadAsync(ImportBatcher batches, CancellationToken cancellationToken)
    {
        var reader = new NdjsonLineReader();
        long number = 0;
        await foreach (var text in input.WithCancellation(cancellationToken))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                batches.Add(reader.Read(System.Text.Encoding.UTF8.GetBytes(text), number));
                await batches.SendReadyAsync(cancellationToken);
            }
        }
        await batches.FinishAsync(number, cancellationToken);
    }

    public static async IAsyncEnumerable<string> Lines(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }
}

/// <summary>Lines already mapped, numbered by their producer (CSV rows, open-data items): no text in between.</summary>
internal sealed class ImportLineSource(IEnumerable<ImportLine> input) : ImportSource
{
    public override async Task ReadAsync(ImportBatcher batches, CancellationToken cancellationToken)
    {
        long number = 0;
        foreach (var line in input)
        {
            cancellationToken.ThrowIfCancellationRequested();
            number = line.Number;
            batches.Add(line);
            await batches.SendReadyAsync(cancellationToken);
        }
        await batches.FinishAsync(number, cancellationToken);
    }
}
