using System.Text;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.Tests;

public sealed class Utf8LinesTests
{
    /// <summary>Hands out its bytes a few at a time, so that line breaks, "\r\n" and the byte-order mark fall across reads.</summary>
    private sealed class TricklingStream(byte[] bytes, int step) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);
    }

    private static async Task<List<string>> LinesAsync(byte[] bytes, int step, int maxLineBytes)
    {
        var lines = new Utf8Lines(new TricklingStream(bytes, step), maxLineBytes);
        var found = new List<string>();
        while (await lines.FillAsync(CancellationToken.None))
        {
            Take(lines, found);
        }
        return found;
    }

    private static void Take(Utf8Lines lines, List<string> found)
    {
        while (lines.TryTake(out var line, out var tooLong))
        {
            found.Add(tooLong ? "<too long>" : Encoding.UTF8.GetString(line));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Lines_EndAtEveryKindOfBreak_WhateverTheReads(int step)
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFfirst\r\nsecond\rthird\n\nfifth é\r\r\nlast");

        var lines = await LinesAsync(bytes, step, maxLineBytes: 1024);

        // As TextReader.ReadLine reads them: the mark skipped, "\r\n" one break, "\r" alone one break, no line after the end.
        Assert.Equal(["first", "second", "third", "", "fifth é", "", "last"], lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public async Task ALineLongerThanAllowed_IsReportedOnce_AndTheNextLinesAreRead(int step)
    {
        var bytes = Encoding.UTF8.GetBytes("short\n" + new string('x', 100) + "\nafter\r\n" + new string('y', 40));

        var lines = await LinesAsync(bytes, step, maxLineBytes: 16);

        Assert.Equal(["short", "<too long>", "after", "<too long>"], lines);
    }

    [Fact]
    public async Task AMarkInTheMiddle_IsKept_AndAnEmptyStreamHasNoLines()
    {
        Assert.Equal(["a\uFEFFb"], await LinesAsync(Encoding.UTF8.GetBytes("a\uFEFFb\n"), 2, 1024));
        Assert.Empty(await LinesAsync([], 1, 1024));
        Assert.Empty(await LinesAsync(Encoding.UTF8.GetBytes("\uFEFF"), 1, 1024));
    }
}
