using System.Text;

namespace CoopGraph.Graph;

/// <summary>
/// The words of what a user typed into a search box: runs of letters and digits, at most sixteen. Each store turns them
/// into its own query syntax, so that nothing typed can be read as syntax.
/// </summary>
public static class SearchWords
{
    public const int MaxWords = 16;

    public static IReadOnlyList<string> Of(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
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
        return words.Count > MaxWords ? words[..MaxWords] : words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }
}
