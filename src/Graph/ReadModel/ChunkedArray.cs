namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// An immutable array held in chunks of <see cref="ChunkLength"/>, so that a copy with a few elements rewritten
/// (<see cref="With"/>) copies only the chunks they fall in and shares the others. A snapshot that follows writes makes
/// one such copy per write: a plain array would copy the whole graph each time, in the large-object heap, and leave the
/// collector every element of it to scan.
/// </summary>
internal sealed class ChunkedArray<T>
{
    // 1,024 references are 8 KB: chunks stay out of the large-object heap, and the chunk table is small.
    private const int Shift = 10;
    public const int ChunkLength = 1 << Shift;
    private const int Mask = ChunkLength - 1;

    private readonly T[][] _chunks;

    private ChunkedArray(T[][] chunks, int length)
    {
        _chunks = chunks;
        Length = length;
    }

    public int Length { get; }

    // Chunks are cut to the length, the last one too: an index outside it falls outside a chunk or the table.
    public T this[int index] => _chunks[index >> Shift][index & Mask];

    public static ChunkedArray<T> From(ReadOnlySpan<T> items)
    {
        var chunks = new T[(items.Length + Mask) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = items.Slice(c << Shift, Math.Min(ChunkLength, items.Length - (c << Shift))).ToArray();
        }
        return new ChunkedArray<T>(chunks, items.Length);
    }

    /// <summary>
    /// Fills a chunked array one element at a time, straight into its chunks: a graph's ten million links are never
    /// held in one growing array that is copied each time it doubles.
    /// </summary>
    public sealed class Builder
    {
        private readonly List<T[]> _chunks = [];
        private int _length;

        public int Length => _length;

        public void Add(T item)
        {
            if ((_length & Mask) == 0)
            {
                _chunks.Add(new T[ChunkLength]);
            }
            _chunks[^1][_length & Mask] = item;
            _length++;
        }

        public ChunkedArray<T> Build()
        {
            // The last chunk is cut to the length, as From cuts it: an index past the length is then out of range.
            if ((_length & Mask) != 0)
            {
                _chunks[^1] = _chunks[^1][..(_length & Mask)];
            }
            return new ChunkedArray<T>([.. _chunks], _length);
        }
    }

    /// <summary>A copy with <paramref name="changes"/> written at their indexes; chunks no change falls in are shared.</summary>
    public ChunkedArray<T> With(IEnumerable<(int Index, T Value)> changes)
    {
        var chunks = (T[][])_chunks.Clone();
        foreach (var (index, value) in changes)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(changes));
            var c = index >> Shift;
            // A chunk still shared with this array is copied before its first change.
            if (ReferenceEquals(chunks[c], _chunks[c]))
            {
                chunks[c] = (T[])chunks[c].Clone();
            }
            chunks[c][index & Mask] = value;
        }
        return new ChunkedArray<T>(chunks, Length);
    }

    /// <summary>
    /// A copy with <paramref name="items"/> after this array's elements. Only the last chunk, when it is not full, and
    /// the table of chunks are copied; every full chunk is shared, so appending to a large array costs what is appended.
    /// </summary>
    public ChunkedArray<T> Appended(ReadOnlySpan<T> items)
    {
        if (items.IsEmpty)
        {
            return this;
        }
        var length = Length + items.Length;
        var chunks = new T[(length + Mask) >> Shift][];
        var full = Length >> Shift;
        Array.Copy(_chunks, chunks, full);
        var from = 0;
        for (var c = full; c < chunks.Length; c++)
        {
            var start = c << Shift;
            var chunk = new T[Math.Min(ChunkLength, length - start)];
            // The last chunk held is cut to the length: its elements are copied into the new one, then the appended ones.
            var held = c < _chunks.Length ? _chunks[c] : [];
            held.CopyTo(chunk, 0);
            var take = chunk.Length - held.Length;
            items.Slice(from, take).CopyTo(chunk.AsSpan(held.Length));
            from += take;
            chunks[c] = chunk;
        }
        return new ChunkedArray<T>(chunks, length);
    }

    /// <summary>Whether the element at <paramref name="index"/> is held in the same chunk as in <paramref name="other"/>.</summary>
    internal bool SharesChunkWith(ChunkedArray<T> other, int index) => ReferenceEquals(_chunks[index >> Shift], other._chunks[index >> Shift]);

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator(ChunkedArray<T> items)
    {
        private int _index = -1;

        public readonly T Current => items._chunks[_index >> Shift][_index & Mask];

        public bool MoveNext() => ++_index < items.Length;
    }
}
