namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// A graph's links as a snapshot is built from them, in seq order: each link's id, row, seq and ends (as the indexes of
/// the snapshot's nodes), and the texts the rows number.
/// </summary>
internal sealed record LinkColumns(LinkIds Ids, ChunkedArray<LinkRow> Rows, long[] Seqs, int[] Sources, int[] Targets, TextTable Texts)
{
    public int Length => Rows.Length;

    /// <summary>Takes links in seq order and makes their columns.</summary>
    public sealed class Builder(TextTable texts)
    {
        private readonly LinkIds.Builder _ids = new();
        private readonly ChunkedArray<LinkRow>.Builder _rows = new();
        private readonly List<long> _seqs = [];
        private readonly List<int> _sources = [];
        private readonly List<int> _targets = [];

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

        public LinkColumns Build() => new(_ids.Build(), _rows.Build(), [.. _seqs], [.. _sources], [.. _targets], Texts.Build());

        private void Add(LinkRow row, long seq, int source, int target)
        {
            _rows.Add(row);
            _seqs.Add(seq);
            _sources.Add(source);
            _targets.Add(target);
        }
    }
}
