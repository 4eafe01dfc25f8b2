using System.Collections.Concurrent;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Every node's name and description as an inverted index that finds and ranks as the store's FTS5 index does (see
/// <see cref="IFts5Search"/>): the same tokens (the store's tokenizer), the same matches (every word a prefix, all
/// required), the same bm25 score computed with the same operations in the same order, so that equal inputs give equal
/// doubles and the order is the store's to the last tie (broken by seq, which is node order here).
/// </summary>
internal sealed partial class TextIndex
{
    // FTS5's bm25 constants.
    private const double K1 = 1.2;
    private const double B = 0.75;

    // From this many postings, a word searched alone is ranked once and kept in rank order; below, scanning is as quick.
    private const int RankedFrom = 64;

    // How many of a prefix's best nodes are kept: enough for any page unless a viewer may not see nearly all of them.
    private const int PrefixKept = 1_000;

    private readonly ITextTokenizer _tokenizer;
    private readonly string[] _terms;
    // Per term (ordinal order), its postings in _docs and _counts: the nodes holding it, ascending, and how many times.
    private readonly int[] _start;
    private readonly int[] _docs;
    private readonly int[] _counts;
    // Per node, its tokens in name and description: FTS5's row size.
    private readonly int[] _sizes;
    // Each node's size up to 255 (255: look in _sizes), for the sizes a search reads node by node: a quarter of the
    // memory, so that it stays in the processor's cache at national scale.
    private readonly byte[] _shortSizes;
    private readonly double _averageSize;
    // Per token searched alone, its nodes in rank order, made when first asked (see BestRanked).
    private readonly ConcurrentDictionary<int, int[]> _rankOrders = new();
    // The best nodes of a prefix that several tokens share (see RankedPrefix). Prefixes are whatever was typed, so these
    // are kept only while they hold fewer nodes in all than the index's own postings: at most twice its memory.
    private readonly ConcurrentDictionary<string, int[]> _prefixOrders = new(StringComparer.Ordinal);
    private long _prefixOrdersHeld;
    private long _prefixesScanned;

    private TextIndex(ITextTokenizer tokenizer, string[] terms, int[] start, int[] docs, int[] counts, int[] sizes, double averageSize)
    {
        _tokenizer = tokenizer;
        _terms = terms;
        _start = start;
        _docs = docs;
        _counts = counts;
        _sizes = sizes;
        _shortSizes = Array.ConvertAll(sizes, size => (byte)Math.Min(size, byte.MaxValue));
        _averageSize = averageSize;
        (_nodeStart, _byNode) = ByNode(docs, sizes.Length);
    }

    public static TextIndex Build(IReadOnlyList<Node> nodes, ITextTokenizer tokenizer)
    {
        var builder = new TextIndexBuilder(tokenizer);
        foreach (var node in nodes)
        {
            builder.Add(node);
        }
        return builder.Build();
    }

    /// <summary>Made by <see cref="TextIndexBuilder"/> from its postings, terms in ordinal order.</summary>
    internal static TextIndex From(ITextTokenizer tokenizer, string[] terms, int[] start, int[] docs, int[] counts, int[] sizes, double averageSize) =>
        new(tokenizer, terms, start, docs, counts, sizes, averageSize);

    /// <summary>How many tokens searched alone were ranked once and kept in rank order (see <see cref="Best"/>).</summary>
    internal int TokensRanked => _rankOrders.Count;

    /// <summary>How many prefixes of several tokens searched alone were ranked once and kept in rank order.</summary>
    internal int PrefixesRanked => _prefixOrders.Count;

    /// <summary>How many nodes the kept prefixes hold in all: never more than <see cref="PostingCount"/>.</summary>
    internal long PrefixNodesHeld => Interlocked.Read(ref _prefixOrdersHeld);

    /// <summary>How many searches of a prefix of several tokens were scanned because the kept ones were full.</summary>
    internal long PrefixesScanned => Interlocked.Read(ref _prefixesScanned);

    /// <summary>The index's postings: a node per token it holds.</summary>
    internal int PostingCount => _docs.Length;

    /// <summary>How many nodes the index holds: FTS5's row count, private nodes included.</summary>
    public int Count => _sizes.Length;

    /// <summary>
    /// The prefixes the store searches for what was typed, one per word; empty when nothing is searchable; null when a
    /// word is not exactly one token to the store's tokenizer (its phrase would be several tokens, or none), which this
    /// index leaves to the store.
    /// </summary>
    public string[]? Prefixes(string? text)
    {
        var words = SearchWords.Of(text);
        var prefixes = new string[words.Count];
        var tokens = new List<string>(1);
        for (var w = 0; w < words.Count; w++)
        {
            tokens.Clear();
            _tokenizer.Tokenize(words[w], tokens);
            if (tokens.Count != 1)
            {
                return null;
            }
            prefixes[w] = tokens[0];
        }
        return prefixes;
    }

    /// <summary>The nodes that hold a token starting with each prefix, ascending.</summary>
    public int[] Matching(string[] prefixes)
    {
        var all = new AllMatches([]);
        Visit(PhrasesOf(prefixes), ref all);
        return [.. all.Docs];
    }

    /// <summary>
    /// The best <paramref name="take"/> matching nodes that <paramref name="admits"/> lets through, in FTS5's order: its
    /// rank (the negated bm25 score, lower first), then the node. Each match is scored and, only when it would enter,
    /// checked: few of thousands of matches ever are.
    /// </summary>
    public List<int> Best(string[] prefixes, int take, Func<int, bool> admits)
    {
        if (prefixes.Length == 1 && TermRange(prefixes[0]) is var (first, last) && _start[last] - _start[first] >= RankedFrom)
        {
            if (last - first == 1)
            {
                return BestRanked(_rankOrders.GetOrAdd(first, term => RankOrder(Postings(_start[term], _start[term + 1]))), take, admits);
            }
            // The kept best nodes answer when they fill the page, or when they are all the prefix's nodes.
            if (RankedPrefix(prefixes[0], _start[last] - _start[first]) is { } order
                && BestRanked(order, take, admits) is var kept && (kept.Count == take || order.Length < PrefixKept))
            {
                return kept;
            }
        }
        return Scan(prefixes, take, admits);
    }

    /// <summary><see cref="Best"/> by scoring every match.</summary>
    private List<int> Scan(string[] prefixes, int take, Func<int, bool> admits)
    {
        var phrases = PhrasesOf(prefixes);
        var best = new BestMatches(this, Array.ConvertAll(phrases, phrase => Idf(HitsOf(phrase))), take, admits);
        Visit(phrases, ref best);
        return best.Ranked.ConvertAll(b => b.Doc);
    }

    /// <summary>
    /// <see cref="Best"/> for one word: its score depends on each node alone (the word's occurrences there, the node's
    /// size), so its matches' order is the same for every search of this index. It is made once, as the scan would rank
    /// them all, and each search then reads the first nodes the viewer may see: the page instead of every match (a
    /// hundred thousand for a common word at national scale). A word that is the start of many tokens (the first
    /// characters of a code) is kept the same way by what was typed, within a bound (see <see cref="RankedPrefix"/>).
    /// </summary>
    private static List<int> BestRanked(int[] order, int take, Func<int, bool> admits)
    {
        var best = new List<int>(take);
        for (var i = 0; i < order.Length && best.Count < take; i++)
        {
            if (admits(order[i]))
            {
                best.Add(order[i]);
            }
        }
        return best;
    }

    /// <summary>
    /// The best <see cref="PrefixKept"/> nodes of a prefix that several tokens share, in rank order (all of them when
    /// fewer): found by one scan at its first search, kept while the kept prefixes hold fewer nodes than the index's
    /// postings; null once they would not fit, for the scan to answer. Only the best are kept: sorting every node of a
    /// short prefix ("co") took longer than the scan it saves, for prefixes that are often typed once.
    /// </summary>
    private int[]? RankedPrefix(string prefix, int postings)
    {
        if (_prefixOrders.TryGetValue(prefix, out var kept))
        {
            return kept;
        }
        var size = Math.Min(postings, PrefixKept);
        if (Interlocked.Add(ref _prefixOrdersHeld, size) > _docs.Length)
        {
            Interlocked.Add(ref _prefixOrdersHeld, -size);
            Interlocked.Increment(ref _prefixesScanned);
            return null;
        }
        var order = Scan([prefix], PrefixKept, _ => true).ToArray();
        Interlocked.Add(ref _prefixOrdersHeld, order.Length - size);
        if (!_prefixOrders.TryAdd(prefix, order))
        {
            // Another search ranked it meanwhile and kept its own.
            Interlocked.Add(ref _prefixOrdersHeld, -order.Length);
        }
        return order;
    }

    /// <summary>A word's matching nodes, ordered as <see cref="Best"/> orders them: rank, then node.</summary>
    private int[] RankOrder((ArraySegment<int> Docs, ArraySegment<int> Counts) hits)
    {
        var (docs, counts) = hits;
        var idf = Idf(docs.Count);
        var keys = new (double Rank, int Doc)[docs.Count];
        var order = new int[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            keys[i] = (-1.0 * (0.0 + Score(idf, counts[i], docs[i])), docs[i]);
            order[i] = docs[i];
        }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>FTS5's inverse document frequency of a phrase that <paramref name="hits"/> nodes hold, never below 1e-6.</summary>
    private double Idf(long hits)
    {
        var rows = (long)_sizes.Length;
        var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return idf <= 0.0 ? 1e-6 : idf;
    }

    /// <summary>
    /// One phrase's part of a node's bm25 score, with FTS5's operations in FTS5's order, so that equal inputs give equal
    /// doubles: a node's score is 0.0 plus each phrase's part in turn.
    /// </summary>
    private double Score(double idf, int frequency, int doc)
    {
        double f = frequency;
        double size = _sizes[doc];
        return idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * size / _averageSize)));
    }

    /// <summary>The postings from place <paramref name="from"/> up to <paramref name="to"/>, excluded, as they are held: one token's nodes, ascending, and its occurrences in each.</summary>
    private (ArraySegment<int> Docs, ArraySegment<int> Counts) Postings(int from, int to) =>
        (new ArraySegment<int>(_docs, from, to - from), new ArraySegment<int>(_counts, from, to - from));

    /// <summary>The tokens starting with the prefix: from <c>First</c> up to <c>Last</c>, excluded, in ordinal order.</summary>
    private (int First, int Last) TermRange(string prefix)
    {
        var first = Array.BinarySearch(_terms, prefix, StringComparer.Ordinal);
        first = first >= 0 ? first : ~first;
        var last = first;
        while (last < _terms.Length && _terms[last].StartsWith(prefix, StringComparison.Ordinal))
        {
            last++;
        }
        return (first, last);
    }
}
