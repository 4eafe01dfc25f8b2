namespace CoopGraph.Graph;

/// <summary>
/// Letters without their accents, for every comparison of what people type with names and for the search queries.
/// By table, not by Unicode decomposition: the app runs with invariant globalization, where string.Normalize decomposes
/// nothing. The letters of French and the other Latin-script languages of the data, as Lucene's ASCII folding writes
/// them (Neo4j's full-text index folds the indexed text the same way).
/// </summary>
public static class Diacritics
{
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    private static readonly Dictionary<char, string> Folds = BuildFolds();

    // Every character of the Latin blocks, folded once: folding is on the path of every search, and a string made per
    // character would cost more than the comparison it serves.
    private static readonly string[] Latin = Enumerable.Range(0, 0x250).Select(c => Folds.TryGetValue((char)c, out var plain) ? plain : ((char)c).ToString()).ToArray();

    /// <summary>A lower-case letter without its accent ("é" → "e", "œ" → "oe"); any other character as it is.</summary>
    public static string Fold(char lower) =>
        lower < Latin.Length ? Latin[lower] : Folds.TryGetValue(lower, out var plain) ? plain : lower.ToString();

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
