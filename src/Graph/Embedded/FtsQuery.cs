using System.Text;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Turns what a user typed into an FTS5 query that cannot be misread as FTS syntax: each word becomes a
/// quoted prefix term, all words must match. Returns null when nothing searchable is left.
/// </summary>
internal static class FtsQuery
{
    public static string? From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return terms.Count == 0 ? null : string.Join(' ', terms.Take(16));

        void Flush()
        {
            if (word.Length > 0)
            {
                terms.Add("\"" + word + "\"*");
                word.Clear();
            }
        }
    }
}
