using System.Collections.Concurrent;
using System.Numerics;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// How <see cref="TextIndex"/> finds the nodes that hold every typed word. The word with the fewest postings drives.
/// Words with not many more postings are marked in bitmaps, and the driver's nodes are checked against them a bit at a
/// time (a driver that is itself the start of several tokens is marked too, and the bitmaps are intersected 64 nodes at
/// a time); a word with far more postings is read from each candidate node's own postings. No search merges a word's
/// tokens into new arrays: for a word that starts many tokens ("9", the start of a code) that merge covered tens of
/// thousands of nodes at national scale, even beside a word held by ten, and it and the pages the kernel zeroed for its
/// arrays were most of a computed search's CPU.
/// </summary>
internal sealed partial class TextIndex
{
    // How many prefixes of several tokens have their node count kept (a short string and a number each).
    private const int PrefixHitsKept = 65_536;

    // A word is marked in a bitmap when it has at most this many times the driver's postings (see Visit).
    private const int MarkedWithin = 8;

    // Per node, the places in _docs and _counts of its postings, ascending, so in term order: from _nodeStart[doc] up to
    // _nodeStart[doc + 1]. A word's occurrences in a node are the counts of the places within the word's tokens' range.
    private readonly int[] _nodeStart;
    private readonly int[] _byNode;
    // The idf of a word that starts several tokens needs how many nodes hold any of them: one pass over their postings,
    // kept by what was typed so that a word typed often (a number, the start of a code) is counted once.
    private readonly ConcurrentDictionary<string, int> _prefixHits = new(StringComparer.Ordinal);
    // Bitmaps of the words held by most nodes, kept by what was typed (see KeptMarks), and the 64-bit words they hold.
    private readonly ConcurrentDictionary<string, Marks> _keptMarks = new(StringComparer.Ordinal);
    private long _keptMarkWords;
    // Bitmaps of nodes, all zero between uses, one per word being checked by a search running now.
    private readonly ConcurrentBag<ulong[]> _bitmaps = [];

    /// <summary>How many bitmaps of words held by most nodes are kept (see <see cref="KeptMarks"/>).</summary>
    internal int KeptBitmaps => _keptMarks.Count;

    /// <summary>How many 64-bit words the kept bitmaps hold in all: never more than half <see cref="PostingCount"/>.</summary>
    internal long KeptBitmapWords => Interlocked.Read(ref _keptMarkWords);

    /// <summary>Receives each node that holds every word, in ascending order, with each word's occurrences there.</summary>
    private interface IMatchSink
    {
        void Add(int doc, int[] frequencies);
    }

    /// <summary>A typed word: its tokens' postings are the places from <c>From</c> up to <c>To</c>, excluded.</summary>
    private readonly record struct Phrase(string Prefix, int From, int To, int Terms)
    {
        public int Postings => To - From;
    }

    /// <summary>Each node's posting places, grouped by node and ascending within a node.</summary>
    private static (int[] Start, int[] Places) ByNode(int[] docs, int nodes)
    {
        var start = new int[nodes + 1];
        foreach (var doc in docs)
        {
            start[doc + 1]++;
        }
        for (var n = 0; n < nodes; n++)
        {
            start[n + 1] += start[n];
        }
        var places = new int[docs.Length];
        var filled = new int[nodes];
        // Places taken in ascending order land in ascending order within each node.
        for (var place = 0; place < docs.Length; place++)
        {
            var doc = docs[place];
            places[start[doc] + filled[doc]++] = place;
        }
        return (start, places);
    }

    private Phrase[] PhrasesOf(string[] prefixes) => Array.ConvertAll(prefixes, prefix =>
    {
        var (first, last) = TermRange(prefix);
        return new Phrase(prefix, _start[first], _start[last], last - first);
    });

    /// <summary>Calls <paramref name="sink"/> for each node holding a token of every phrase, ascending.</summary>
    private void Visit<TSink>(Phrase[] phrases, ref TSink sink)
        where TSink : struct, IMatchSink
    {
        if (phrases.Length == 0)
        {
            return;
        }
        var driver = 0;
        for (var p = 1; p < phrases.Length; p++)
        {
            if (phrases[p].Postings < phrases[driver].Postings)
            {
                driver = p;
            }
        }
        // A word with not many more postings than the driver is marked in a bitmap: checking a node against it is then a
        // bit, where reading each node's postings costs a few cache misses. A word with far more postings (a number typed
        // beside a rare code) would cost more to mark than the driver's few lookups.
        var marked = new Marks?[phrases.Length];
        try
        {
            for (var p = 0; p < phrases.Length; p++)
            {
                if (p != driver)
                {
                    marked[p] = KeptMarks(phrases[p])
                        ?? (phrases[p].Postings <= MarkedWithin * (long)phrases[driver].Postings ? Mark(phrases[p]) : null);
                }
            }
            var frequencies = new int[phrases.Length];
            if (phrases[driver].Terms <= 1)
            {
                // One token drives: its postings as they are held, each checked against the marks.
                var (docs, counts) = Postings(phrases[driver].From, phrases[driver].To);
                if (phrases.Length == 2 && marked[1 - driver] is { } other)
                {
                    TwoWords(docs, counts, driver, phrases[1 - driver], other, frequencies, ref sink);
                    return;
                }
                for (var i = 0; i < docs.Count; i++)
                {
                    if (MarkedIn(marked, docs[i]) && OccurrencesIn(phrases, marked, driver, docs[i], frequencies))
                    {
                        frequencies[driver] = counts[i];
                        sink.Add(docs[i], frequencies);
                    }
                }
                return;
            }
            // Several tokens drive (a prefix): marked too, and the marks intersected a word of 64 nodes at a time.
            var own = marked[driver] = KeptMarks(phrases[driver]) ?? Mark(phrases[driver]);
            for (var w = own.Low; w <= own.High; w++)
            {
                var bits = own.Bits[w];
                for (var p = 0; p < marked.Length && bits != 0; p++)
                {
                    if (p != driver && marked[p] is { } other)
                    {
                        bits &= other.Bits[w];
                    }
                }
                while (bits != 0)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (OccurrencesIn(phrases, marked, driver, doc, frequencies))
                    {
                        frequencies[driver] = Occurrences(doc, phrases[driver], own);
                        sink.Add(doc, frequencies);
                    }
                }
            }
        }
        finally
        {
            foreach (var marks in marked)
            {
                if (marks is not null)
                {
                    Release(marks);
                }
            }
        }
    }

    /// <summary>
    /// The general loop above for two words, one token driving and the other marked, the commonest costly search
    /// ("régie 5"): the same checks, with the other word's bitmaps and the postings read directly rather than through
    /// the loops over every phrase.
    /// </summary>
    private void TwoWords<TSink>(ArraySegment<int> docs, ArraySegment<int> counts, int driver, Phrase phrase, Marks marks,
        int[] frequencies, ref TSink sink)
        where TSink : struct, IMatchSink
    {
        var other = 1 - driver;
        var bits = marks.Bits;
        var repeated = marks.Repeated;
        var docSpan = docs.AsSpan();
        var countSpan = counts.AsSpan();
        for (var i = 0; i < docSpan.Length; i++)
        {
            var doc = docSpan[i];
            var word = doc >> 6;
            var bit = 1UL << (doc & 63);
            if ((bits[word] & bit) == 0)
            {
                continue;
            }
            frequencies[other] = (repeated[word] & bit) == 0 ? 1 : Occurrences(doc, phrase);
            frequencies[driver] = countSpan[i];
            sink.Add(doc, frequencies);
        }
    }

    /// <summary>
    /// Each phrase's occurrences in the node but the driver's, into <paramref name="frequencies"/>; false as soon as one
    /// is not there. The node is in every marked phrase's bitmap.
    /// </summary>
    private bool OccurrencesIn(Phrase[] phrases, Marks?[] marked, int driver, int doc, int[] frequencies)
    {
        for (var p = 0; p < phrases.Length; p++)
        {
            if (p != driver && (frequencies[p] = Occurrences(doc, phrases[p], marked[p])) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether every marked phrase holds the node.</summary>
    private static bool MarkedIn(Marks?[] marked, int doc)
    {
        foreach (var marks in marked)
        {
            if (marks is not null && (marks.Bits[doc >> 6] & (1UL << (doc & 63))) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Bitmaps of the nodes holding a token of the phrase, taken from those reused between searches.</summary>
    private Marks Mark(Phrase phrase) => Mark(phrase, Bitmap(), Bitmap());

    private ulong[] Bitmap() => _bitmaps.TryTake(out var reused) ? reused : new ulong[(_sizes.Length + 63) / 64];

    /// <summary>
    /// Marks the nodes holding a token of the phrase in <paramref name="bits"/>, and those holding it more than once in
    /// <paramref name="repeated"/>, both all zero.
    /// </summary>
    private Marks Mark(Phrase phrase, ulong[] bits, ulong[] repeated)
    {
        var (low, high) = (int.MaxValue, -1);
        for (var i = phrase.From; i < phrase.To; i++)
        {
            var doc = _docs[i];
            var (word, bit) = (doc >> 6, 1UL << (doc & 63));
            if ((bits[word] & bit) != 0 || _counts[i] > 1)
            {
                repeated[word] |= bit;
            }
            bits[word] |= bit;
            low = Math.Min(low, word);
            high = Math.Max(high, word);
        }
        return new Marks(bits, repeated, low == int.MaxValue ? 0 : low, high);
    }

    /// <summary>
    /// The bitmap kept for a word held by so many nodes that marking it at each search costs more than reading every word
    /// of a bitmap (a common word of names, a number typed alone): made at its first search, kept by what was typed while
    /// the kept bitmaps take no more memory than the index's postings. Null for other words, which are marked afresh.
    /// </summary>
    private Marks? KeptMarks(Phrase phrase)
    {
        var words = (_sizes.Length + 63) / 64;
        if (phrase.Postings < words)
        {
            return null;
        }
        if (_keptMarks.TryGetValue(phrase.Prefix, out var kept))
        {
            return kept;
        }
        // Two bitmaps: the nodes, and those holding the word more than once.
        if (Interlocked.Add(ref _keptMarkWords, 2 * words) * 2 > _docs.Length)
        {
            Interlocked.Add(ref _keptMarkWords, -2 * words);
            return null;
        }
        // Bitmaps of its own, never cleared.
        var own = Mark(phrase, new ulong[words], new ulong[words]) with { Kept = true };
        if (!_keptMarks.TryAdd(phrase.Prefix, own))
        {
            // Another search kept it meanwhile.
            Interlocked.Add(ref _keptMarkWords, -2 * words);
            return _keptMarks[phrase.Prefix];
        }
        return own;
    }

    /// <summary>Gives a bitmap marked for one search back, clean: the words between the lowest and the highest it touched. Kept ones stay.</summary>
    private void Release(Marks marks)
    {
        if (!marks.Kept)
        {
            Array.Clear(marks.Bits, marks.Low, marks.High - marks.Low + 1);
            Array.Clear(marks.Repeated, marks.Low, marks.High - marks.Low + 1);
            _bitmaps.Add(marks.Bits);
            _bitmaps.Add(marks.Repeated);
        }
    }

    /// <summary>
    /// A phrase's nodes as bits, and those that hold it more than once (<c>Repeated</c>), set only in the words from
    /// <c>Low</c> to <c>High</c>; <c>Kept</c> when the bitmaps are kept between searches, which no search clears.
    /// </summary>
    private sealed record Marks(ulong[] Bits, ulong[] Repeated, int Low, int High, bool Kept = false);

    /// <summary>
    /// How many times a node the phrase's bitmaps hold (when it has them) holds a token of it. Most nodes hold a word
    /// once, and the bitmap of repeats says so with one bit; reading the node's own postings took three cache misses a
    /// node at national scale, and was 42 % of a computed search's CPU (measured).
    /// </summary>
    private int Occurrences(int doc, Phrase phrase, Marks? marks) =>
        marks is not null && (marks.Repeated[doc >> 6] & (1UL << (doc & 63))) == 0 ? 1 : Occurrences(doc, phrase);

    /// <summary>How many times the node holds a token of the phrase, read from the node's own postings.</summary>
    private int Occurrences(int doc, Phrase phrase)
    {
        var sum = 0;
        for (var k = _nodeStart[doc]; k < _nodeStart[doc + 1]; k++)
        {
            var place = _byNode[k];
            if (place >= phrase.To)
            {
                break;
            }
            if (place >= phrase.From)
            {
                sum += _counts[place];
            }
        }
        return sum;
    }

    /// <summary>How many nodes hold a token of the phrase: FTS5's hit count for its idf.</summary>
    private int HitsOf(Phrase phrase)
    {
        if (phrase.Terms <= 1)
        {
            return phrase.Postings;
        }
        if (_prefixHits.TryGetValue(phrase.Prefix, out var kept))
        {
            return kept;
        }
        // The bitmap a search of it keeps (or will keep) is the one counted: the word is not marked twice.
        var marks = KeptMarks(phrase) ?? Mark(phrase);
        var distinct = 0;
        for (var w = marks.Low; w <= marks.High; w++)
        {
            distinct += BitOperations.PopCount(marks.Bits[w]);
        }
        Release(marks);
        if (_prefixHits.Count < PrefixHitsKept)
        {
            _prefixHits.TryAdd(phrase.Prefix, distinct);
        }
        return distinct;
    }

    /// <summary>Every match, in node order.</summary>
    private readonly struct AllMatches(List<int> docs) : IMatchSink
    {
        public List<int> Docs => docs;

        public void Add(int doc, int[] frequencies) => docs.Add(doc);
    }

    /// <summary>
    /// The best matches that <c>admits</c> lets through, in FTS5's order: rank (the negated bm25, each phrase's part
    /// added to 0.0 in turn, as FTS5 adds them), then node. A match is checked only when it would enter.
    /// </summary>
    /// A phrase's part depends on the node only through its size and the phrase's occurrences there, both small for
    /// almost every node: each part is computed once per search and pair of them (exactly as <see cref="Score"/> computes
    /// it), since scoring every candidate of a common word was a quarter of a computed search's CPU (measured).
    private readonly struct BestMatches(TextIndex index, double[] idf, int take, Func<int, bool> admits) : IMatchSink
    {
        private const int KeptFrequencies = 8;
        private const int KeptSizes = 64;

        // Zero where not computed yet: a part is never zero (idf is at least 1e-6, a frequency at least 1).
        private readonly double[] _parts = new double[idf.Length * KeptFrequencies * KeptSizes];

        public List<(double Rank, int Doc)> Ranked { get; } = new(take + 1);

        public void Add(int doc, int[] frequencies)
        {
            var score = 0.0;
            int size = index._shortSizes[doc];
            for (var p = 0; p < frequencies.Length; p++)
            {
                score += Part(p, frequencies[p], size, doc);
            }
            var candidate = (-1.0 * score, doc);
            if ((Ranked.Count == take && candidate.CompareTo(Ranked[^1]) >= 0) || !admits(doc))
            {
                return;
            }
            var at = Ranked.BinarySearch(candidate);
            Ranked.Insert(at >= 0 ? at : ~at, candidate);
            if (Ranked.Count > take)
            {
                Ranked.RemoveAt(take);
            }
        }

        private double Part(int phrase, int frequency, int size, int doc)
        {
            if ((uint)(frequency - 1) >= KeptFrequencies || size >= KeptSizes)
            {
                return index.Score(idf[phrase], frequency, doc);
            }
            ref var part = ref _parts[((phrase * KeptFrequencies) + frequency - 1) * KeptSizes + size];
            if (part == 0.0)
            {
                part = index.Score(idf[phrase], frequency, doc);
            }
            return part;
        }
    }
}
