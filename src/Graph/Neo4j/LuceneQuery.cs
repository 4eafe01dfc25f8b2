using System.Text;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// Turns what a user typed into a Lucene query for the full-text index: every word a required prefix term. Words hold
/// only letters and digits, so no Lucene syntax can come through; they are lower-cased and stripped of accents here
/// because prefix terms skip the index's analyzer, which folds the indexed text to ASCII the same way.
/// </summary>
internal static class LuceneQuery
{
    // By table, not by Unicode decomposition: the app runs with invariant globalization, where string.Normalize
    // decomposes nothing. The letters of French and the other Latin-script languages of the data, as Lucene's ASCII
    // folding writes them.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    private static readonly Dictionary<char, string> Folds = BuildFolds();

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
            if (Folds.TryGetValue(c, out var plain))
            {
                builder.Append(plain);
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static Dictionary<char, string> BuildFolds()
    {
        var folds = new Dictionary<char, string> { ['æ'] = "ae", ['œ'] = "oe", ['ß'] = "ss" };
        for (var i = 0; i < Accented.Length; i++)
        {
            folds[Accented[i]] = Plain[i].ToString();
        }
        return folds;
    }
}
