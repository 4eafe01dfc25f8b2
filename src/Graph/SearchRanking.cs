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

    public static IReadOnlyList<Node> ExactNamesFirst(IReadOnlyList<Node> ranked, string text, int first)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var typed = Folded(text);
        if (typed.Length == 0)
        {
            return ranked.Take(first).ToList();
        }
        return ranked
            .Select((node, index) => (node, index, folded: Folded(node.Name)))
            .OrderBy(n => n.folded == typed ? 0 : n.folded.StartsWith(typed, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(n => n.index)
            .Take(first)
            .Select(n => n.node)
            .ToList();
    }

    /// <summary>Lower case, no accents, words separated by one space: "Département du Rhône" → "departement du rhone".</summary>
    public static string Folded(string text)
    {
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && folded.Length > 0)
                {
                    folded.Append(' ');
                }
                folded.Append(Diacritics.Fold(char.ToLowerInvariant(c)));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return folded.ToString();
    }
}
