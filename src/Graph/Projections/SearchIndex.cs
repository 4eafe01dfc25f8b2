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
    // Private nodes are few: their owners by node, the rest public.
    private readonly Dictionary<int, string> _privateTo;

    internal SearchIndex(long version, TextIndex text, string[] ids, Dictionary<int, string> privateTo)
    {
        if (ids.Length != text.Count)
        {
            throw new ArgumentException($"The index holds {text.Count} nodes, the ids are {ids.Length}.", nameof(ids));
        }
        Version = version;
        _text = text;
        _ids = ids;
        _privateTo = privateTo;
    }

    /// <summary>The store version the index was built from.</summary>
    public long Version { get; }

    /// <summary>
    /// The ids of the best <paramref name="take"/> matches the viewer sees, in the store's order (FTS5's rank, then seq);
    /// null when a typed word is not one token to the store's tokenizer, which the store answers itself.
    /// </summary>
    public IReadOnlyList<string>? Rank(Viewer viewer, string text, int take)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (_text.Prefixes(text) is not { } prefixes)
        {
            return null;
        }
        if (prefixes.Length == 0 || take <= 0)
        {
            return [];
        }
        var best = _text.Best(prefixes, take, doc => !_privateTo.TryGetValue(doc, out var owner) || viewer.CanSee(owner));
        return best.ConvertAll(doc => _ids[doc]);
    }
}
