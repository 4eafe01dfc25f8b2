using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Tests;

/// <summary>The read model's elements: a copy with a few rewritten shares every chunk they do not fall in.</summary>
public sealed class ChunkedArrayTests
{
    private const int Chunk = ChunkedArray<int>.ChunkLength;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(3 * Chunk - 7)]
    public void Holds_WhatItWasMadeFrom_InOrder(int length)
    {
        var source = Enumerable.Range(0, length).Select(i => i * 3 + 1).ToArray();
        var chunked = ChunkedArray<int>.From(source);

        Assert.Equal(length, chunked.Length);
        Assert.Equal(source, Items(chunked));
        for (var i = 0; i < length; i++)
        {
            Assert.Equal(source[i], chunked[i]);
        }
        Assert.Throws<IndexOutOfRangeException>(() => chunked[length]);
        Assert.Throws<IndexOutOfRangeException>(() => chunked[-1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk)]
    [InlineData(2 * Chunk + 5)]
    public void ABuilder_HoldsWhatWasAdded_InOrder_AndNothingPastIt(int length)
    {
        var builder = new ChunkedArray<long>.Builder();
        for (var i = 0; i < length; i++)
        {
            builder.Add(i * 7L);
        }
        var built = builder.Build();

        Assert.Equal(length, built.Length);
        Assert.Equal(Enumerable.Range(0, length).Select(i => i * 7L), Items(built));
        Assert.Throws<IndexOutOfRangeException>(() => built[length]);
    }

    [Fact]
    public void With_CopiesOnlyTheChunksItRewrites_AndLeavesTheOriginalAlone()
    {
        var source = Enumerable.Range(0, 4 * Chunk).ToArray();
        var before = ChunkedArray<int>.From(source);

        var after = before.With([(5, -5), (Chunk + 2, -2), (Chunk + 3, -3)]);

        Assert.Equal(source, Items(before));
        var expected = (int[])source.Clone();
        expected[5] = -5;
        expected[Chunk + 2] = -2;
        expected[Chunk + 3] = -3;
        Assert.Equal(expected, Items(after));
        Assert.False(after.SharesChunkWith(before, 0));
        Assert.False(after.SharesChunkWith(before, Chunk));
        Assert.True(after.SharesChunkWith(before, 2 * Chunk));
        Assert.True(after.SharesChunkWith(before, 4 * Chunk - 1));
    }

    [Fact]
    public void With_RefusesAnIndexOutsideTheArray_AndChangesNothing()
    {
        var before = ChunkedArray<string>.From(["a", "b"]);

        Assert.Throws<ArgumentOutOfRangeException>(() => before.With([(0, "z"), (2, "c")]));
        Assert.Equal(["a", "b"], Items(before));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 3)]
    [InlineData(5, 1)]
    [InlineData(Chunk - 1, 1)]
    [InlineData(Chunk - 1, 2)]
    [InlineData(Chunk, 1)]
    [InlineData(2 * Chunk + 3, 3 * Chunk)]
    public void Appended_HoldsBothInOrder_SharesEveryFullChunk_AndLeavesTheOriginalAlone(int length, int more)
    {
        var source = Enumerable.Range(0, length).ToArray();
        var extra = Enumerable.Range(length, more).Select(i => -i).ToArray();
        var before = ChunkedArray<int>.From(source);

        var after = before.Appended(extra);

        Assert.Equal(source, Items(before));
        Assert.Throws<IndexOutOfRangeException>(() => before[length]);
        Assert.Equal(source.Concat(extra), Items(after));
        Assert.Equal(length + more, after.Length);
        Assert.Throws<IndexOutOfRangeException>(() => after[length + more]);
        for (var i = 0; i < length; i++)
        {
            // A chunk the original held whole is shared; the one it cut short is copied, as are the new ones.
            Assert.Equal(more == 0 || i / Chunk < length / Chunk, after.SharesChunkWith(before, i));
        }
    }

    private static List<T> Items<T>(ChunkedArray<T> chunked)
    {
        var items = new List<T>();
        foreach (var item in chunked)
        {
            items.Add(item);
        }
        return items;
    }
}
