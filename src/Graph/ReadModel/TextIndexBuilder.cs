using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Builds a <see cref="TextIndex"/> one node at a time, in the store's node order (seq), so that a caller streaming an
/// export never holds the nodes themselves: only each term's postings and each node's size are kept.
/// </summary>
internal sealed class TextIndexBuilder(ITextTokenizer tokenizer)
{
    private readonly Dictionary<string, Postings> _postings = new(StringComparer.Ordinal);
    private readonly List<int> _sizes = [];
    private readonly List<string> _tokens = [];
    private long _total;

    /// <summary>How many nodes were added.</summary>
    public int Count => _sizes.Count;

    /// <summary>Indexes the node's name, then its description, as the store's FTS5 table does.</summary>
    public void Add(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var doc = _sizes.Count;
        _tokens.Clear();
        tokenizer.Tokenize(node.Name, _tokens);
        tokenizer.Tokenize(node.Description, _tokens);
        _sizes.Add(_tokens.Count);
        _total += _tokens.Count;
        foreach (var token in _tokens)
        {
            if (!_postings.TryGetValue(token, out var postings))
            {
                _postings[token] = postings = new Postings();
            }
            if (postings.Docs.Count > 0 && postings.Docs[^1] == doc)
            {
                postings.Counts[^1]++;
            }
            else
            {
                postings.Docs.Add(doc);
                postings.Counts.Add(1);
            }
        }
    }

    public TextIndex Build()
    {
        var terms = _postings.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var start = new int[terms.Length + 1];
        var length = 0;
        foreach (var postings in _postings.Values)
        {
            length += postings.Docs.Count;
        }
        var docs = new int[length];
        var counts = new int[length];
        for (var t = 0; t < terms.Length; t++)
        {
            var postings = _postings[terms[t]];
            postings.Docs.CopyTo(docs, start[t]);
            postings.Counts.CopyTo(counts, start[t]);
            start[t + 1] = start[t] + postings.Docs.Count;
        }
        var average = _sizes.Count == 0 ? 0 : (double)_total / _sizes.Count;
        return TextIndex.From(tokenizer, terms, start, docs, counts, [.. _sizes], average);
    }

    private sealed class Postings
    {
        public List<int> Docs { get; } = [];

        public List<int> Counts { get; } = [];
    }
}
