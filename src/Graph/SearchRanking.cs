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
        // A stable sort on the closeness alone keeps the index's order within each class.
        return ranked
            .Select((node, index) => (node, index, closeness: Closeness(node.Name, typed)))
            .OrderBy(n => n.closeness)
            .ThenBy(n => n.index)
            .Take(first)
            .Select(n => n.node)
            .ToList();
    }

    /// <summary>
    /// 0 when the name, folded, is the typed text; 1 when it starts with it; 2 otherwise. The name is folded as it is
    /// compared, and the comparison stops at the first difference: most candidates differ at their first letters.
    /// </summary>
    private static int Closeness(string name, string typed)
    {
        var at = 0;
        var space = false;
        var any = false;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                space = true;
                continue;
            }
            if (space && any)
            {
                if (at == typed.Length)
                {
                    return 1;
                }
                if (typed[at++] != ' ')
                {
                    return 2;
                }
            }
            space = false;
            any = true;
            foreach (var plain in Diacritics.Fold(char.ToLowerInvariant(c)))
            {
                if (at == typed.Length)
                {
                    return 1;
                }
                if (typed[at++] != plain)
                {
                    return 2;
                }
            }
        }
        return at == typed.Length ? 0 : 2;
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
