using System.Text;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph;

/// <summary>
/// What both stores do after their full-text index has ranked a search: a node whose whole name is what was typed
/// comes first, then names that start with it, then the index's order. Typing "Département du Rhône" or "Lyon" finds
/// that very node before the hundred whose descriptions mention it. Case, accents and punctuation do not count.
/// </summary>
public static class SearchRanking
{
    /// <summary>How many more candidates than asked a store reads, so that an exact name ranked lower by the index still surfaces.</summary>
    public const int Headroom = 20;

    public static IReadOnlyList<Node> ExactNamesFirst(IReadOnlyList<Node> ranked, string text, int first) =>
        ExactNamesFirst(ranked, node => node.Name, text, first);

    /// <summary>The same for candidates known by something else than their node (an index's places), with their names.</summary>
    public static IReadOnlyList<T> ExactNamesFirst<T>(IReadOnlyList<T> ranked, Func<T, string> name, string text, int first)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(name);
        var typed = Folded(text);
        if (typed.Length == 0)
        {
            return ranked.Take(first).ToList();
        }
        // OrderBy is stable: within each class, the index's order stays.
        return ranked
            .Select(candidate => (candidate, closeness: Closeness(name(candidate), typed)))
            .OrderBy(n => n.closeness)
            .Take(first)
            .Select(n => n.candidate)
            .ToList();
    }

    /// <summary>
    /// 0 when the name, folded, is the typed text; 1 when it starts with it; 2 otherwise. The name is folded as it is
    /// compared, and the comparison stops at the first difference: most candidates differ at their first letters.
    /// </summary>
    private static int Closeness(string name, string typed)
    {
        var folded = new FoldedChars(name);
        var at = 0;
        while (folded.Next(out var c))
        {
            if (at == typed.Length)
            {
                return 1;
            }
            if (typed[at++] != c)
            {
                return 2;
            }
        }
        return at == typed.Length ? 0 : 2;
    }

    /// <summary>Lower case, no accents, words separated by one space: "Département du Rhône" → "departement du rhone".</summary>
    public static string Folded(string text)
    {
        var folded = new StringBuilder(text.Length);
        var chars = new FoldedChars(text);
        while (chars.Next(out var c))
        {
            folded.Append(c);
        }
        return folded.ToString();
    }

    /// <summary>A text's folded characters one at a time: the one rule that <see cref="Folded"/> writes out and the ranking compares.</summary>
    private struct FoldedChars(string text)
    {
        private int _at;
        private string _pending = "";
        private int _next;
        private bool _space;

        public bool Next(out char c)
        {
            if (_next < _pending.Length)
            {
                c = _pending[_next++];
                return true;
            }
            while (_at < text.Length)
            {
                var read = text[_at++];
                if (!char.IsLetterOrDigit(read))
                {
                    // A run of anything else between two words is one space; before the first word, none.
                    _space = _pending.Length > 0;
                    continue;
                }
                _pending = Diacritics.Fold(char.ToLowerInvariant(read));
                if (_space)
                {
                    _space = false;
                    _next = 0;
                    c = ' ';
                    return true;
                }
                _next = 1;
                c = _pending[0];
                return true;
            }
            c = default;
            return false;
        }
    }
}
