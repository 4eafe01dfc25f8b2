using System.Runtime.InteropServices;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// A graph's links as a snapshot is built from them, in seq order: each link's id, row, seq and ends (as the indexes of
/// the snapshot's nodes), and the texts the rows number. Every column is chunked or shares its arrays, so that links
/// appended to a large graph cost what they add (<see cref="Appended"/>).
/// </summary>
internal sealed record LinkColumns(LinkIds Ids, ChunkedArray<LinkRow> Rows, ChunkedArray<long> Seqs, ChunkedArray<int> Sources, ChunkedArray<int> Targets, TextTable Texts)
{
    public int Length => Rows.Length;

    /// <summary>These links and <paramref name="tail"/>'s after them (its seqs all greater); <paramref name="texts"/> numbers every row's texts.</summary>
    public LinkColumns Appended(Tail tail, TextTable texts) =>
        new(Ids.Appended(tail.Ids), Rows.Appended(CollectionsMarshal.AsSpan(tail.Rows)), Seqs.Appended(CollectionsMarshal.AsSpan(tail.Seqs)),
            Sources.Appended(CollectionsMarshal.AsSpan(tail.Sources)), Targets.Appended(CollectionsMarshal.AsSpan(tail.Targets)), texts);

    /// <summary>Links to append, in seq order.</summary>
    public sealed class Tail
    {
        public List<string> Ids { get; } = [];

        public List<LinkRow> Rows { get; } = [];

        public List<long> Seqs { get; } = [];

        public List<int> Sources { get; } = [];

        public List<int> Targets { get; } = [];

        public int Count => Ids.Count;

        public void Add(string id, LinkRow row, long seq, int source, int target)
        {
            Ids.Add(id);
            Rows.Add(row);
            Seqs.Add(seq);
            Sources.Add(source);
            Targets.Add(target);
        }
    }

    /// <summary>Takes links in seq order and makes their columns.</summary>
    public sealed class Builder(TextTable texts)
    {
        private readonly LinkIds.Builder _ids = new();
        private readonly ChunkedArray<LinkRow>.Builder _rows = new();
        private readonly ChunkedArray<long>.Builder _seqs = new();
        private readonly ChunkedArray<int>.Builder _sources = new();
        private readonly ChunkedArray<int>.Builder _targets = new();

        public TextTable.Editor Texts { get; } = new(texts);

        public void Add(string id, LinkRow row, long seq, int source, int target)
        {
            _ids.Add(id);
            Add(row, seq, source, target);
        }

        /// <summary>A link another snapshot holds, its id copied as it is.</summary>
        public void Add(LinkIds ids, int index, LinkRow row, long seq, int source, int target)
        {
            _ids.Add(ids, index);
            Add(row, seq, source, target);
        }

        public LinkColumns Build() => new(_ids.Build(), _rows.Build(), _seqs.Build(), _sources.Build(), _targets.Build(), Texts.Build());

        private void Add(LinkRow row, long seq, int source, int target)
        {
            _rows.Add(row);
            _seqs.Add(seq);
            _sources.Add(source);
            _targets.Add(target);
        }
    }
}
