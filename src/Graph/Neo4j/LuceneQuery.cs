using System.Text;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// Turns what a user typed into a Lucene query for the full-text index: every word a required prefix term. Words hold
/// only letters and digits, so no Lucene syntax can come through; they are lower-cased and stripped of accents here
/// because prefix terms skip the index's analyzer, which folds the indexed text to ASCII the same way.
/// </summary>
internal static class LuceneQuery
{
    public static string? From(string? text)
    {
        var words = SearchWords.Of(text);
        return words.Count == 0 ? null : string.Join(" AND ", words.Select(w => Fold(w) + "*"));
    }

    private static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant())
        {
            builder.Append(Diacritics.Fold(c));
        }
        return builder.ToString();
    }
}
