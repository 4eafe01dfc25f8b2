using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Projections;

/// <summary>
/// The store's full-text search held in memory beside the projection, of the projection's version. It serves graphs
/// too large for the read model, where FTS5 ranks every match of a common word (a hundred thousand names at national
/// scale, a third of a second) before it keeps ten. It finds and ranks as the store does (<see cref="TextIndex"/>), so
/// its answers are the store's; it is used only for the very version it was built from.
/// </summary>
public sealed class SearchIndex
{
    private readonly TextIndex _text;
    private readonly string[] _ids;
    private readonly StringTable _names;
    // Private nodes are few: their owners by node, the rest public.
    private readonly Dictionary<int, string> _privateTo;

    /// <param name="ids">The projection's node ids, in the index's node order.</param>
    /// <param name="names">The projection's node names, in the same order: the store's names at the same version.</param>
    internal SearchIndex(long version, TextIndex text, string[] ids, StringTable names, Dictionary<int, string> privateTo)
    {
        if (ids.Length != text.Count || names.Count != text.Count)
        {
            throw new ArgumentException($"The index holds {text.Count} nodes, the ids are {ids.Length} and the names {names.Count}.", nameof(ids));
        }
        Version = version;
        _text = text;
        _ids = ids;
        _names = names;
        _privateTo = privateTo;
    }

    /// <summary>The store version the index was built from.</summary>
    public long Version { get; }

    /// <summary>
    /// The ids of the store's answer to a search for <paramref name="text"/> by <paramref name="viewer"/>, in its order:
    /// the best matches it sees in FTS5's order (rank, then seq), as many more than <paramref name="first"/> as the
    /// store reads, then exact names first (<see cref="SearchRanking"/>, on the names this index holds). Null when a
    /// typed word is not one token to the store's tokenizer, which the store answers itself.
    /// </summary>
    public IReadOnlyList<string>? Find(Viewer viewer, string text, int first)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (_text.Prefixes(text) is not { } prefixes)
        {
            return null;
        }
        if (prefixes.Length == 0 || first <= 0)
        {
            return [];
        }
        var best = _text.Best(prefixes, first + SearchRanking.Headroom, doc => !_privateTo.TryGetValue(doc, out var owner) || viewer.CanSee(owner));
        return SearchRanking.ExactNamesFirst(best, doc => _names[doc], text, first).Select(doc => _ids[doc]).ToList();
    }
}
