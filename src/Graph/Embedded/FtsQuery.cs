namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Turns what a user typed into an FTS5 query that cannot be misread as FTS syntax: each word becomes a
/// quoted prefix term, all words must match. Returns null when nothing searchable is left.
/// </summary>
internal static class FtsQuery
{
    public static string? From(string? text)
    {
        var words = SearchWords.Of(text);
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => "\"" + w + "\"*"));
    }
}
