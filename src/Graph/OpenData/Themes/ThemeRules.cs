using System.Globalization;
using System.Text;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.OpenData.Themes;

/// <summary>One theme of the rules: its node id, name and domain, and the entries that find it in a text.</summary>
public sealed record ThemeRule(string Id, string Name, PolicyDomain Domain, int Rank);

/// <summary>What a text says of its themes: those found, the one of greatest weight first, and the entries that found them.</summary>
public sealed record ThemeMatch(IReadOnlyList<ThemeRule> Themes, IReadOnlyList<string> Entries)
{
    public static readonly ThemeMatch None = new([], []);

    public ThemeRule? Best => Themes.Count > 0 ? Themes[0] : null;
}

/// <summary>
/// The keyword rules of <c>purpose-themes.txt</c>, read once: each theme's entries (whole words, prefixes ending in
/// <c>*</c>, or words in a row), compared without accents or case. The file says the rules in full; this class only
/// applies them, so that a reader of the file knows what any grant becomes.
/// </summary>
public sealed class ThemeRules
{
    private const string ResourceName = "OpenData.purpose-themes.txt";

    // Prefix entries are looked up by their first three letters, so that a text's words are not compared with all of them.
    private const int PrefixKey = 3;

    private readonly Dictionary<string, List<Entry>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byPrefix = new(StringComparer.Ordinal);

    public IReadOnlyList<ThemeRule> Themes { get; }

    private ThemeRules(IReadOnlyList<ThemeRule> themes, IEnumerable<Entry> entries)
    {
        Themes = themes;
        foreach (var entry in entries)
        {
            var first = entry.Words[0];
            var (index, key) = first.Prefix ? (_byPrefix, first.Text[..PrefixKey]) : (_byWord, first.Text);
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }
            list.Add(entry);
        }
    }

    public static ThemeRules Default { get; } = Load();

    private static ThemeRules Load()
    {
        using var stream = typeof(ThemeRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The theme rules ({ResourceName}) are not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads rules in the format <c>purpose-themes.txt</c> describes; a malformed line is an error that names it.</summary>
    public static ThemeRules Parse(string text)
    {
        var themes = new List<ThemeRule>();
        var entries = new List<Entry>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                themes.Add(ParseHeader(line, lineNumber, themes.Count));
                continue;
            }
            if (themes.Count == 0)
            {
                throw new FormatException($"Theme rules, line {lineNumber}: words before any [theme] line.");
            }
            foreach (var phrase in line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                entries.Add(ParseEntry(phrase, themes[^1], lineNumber));
            }
        }
        return new ThemeRules(themes, entries);
    }

    private static ThemeRule ParseHeader(string line, int lineNumber, int rank)
    {
        var close = line.IndexOf(']', StringComparison.Ordinal);
        var bar = line.IndexOf('|', StringComparison.Ordinal);
        if (close < 2 || bar < close)
        {
            throw new FormatException($"Theme rules, line {lineNumber}: a theme line is \"[slug] DOMAIN | Name\".");
        }
        var slug = line[1..close].Trim();
        var domainText = line[(close + 1)..bar].Trim().Replace("_", "", StringComparison.Ordinal);
        if (!Enum.TryParse<PolicyDomain>(domainText, ignoreCase: true, out var domain) || !Enum.IsDefined(domain))
        {
            throw new FormatException($"Theme rules, line {lineNumber}: '{line[(close + 1)..bar].Trim()}' is not a policy domain.");
        }
        return new ThemeRule("theme:fr:" + slug, line[(bar + 1)..].Trim(), domain, rank);
    }

    private static Entry ParseEntry(string phrase, ThemeRule theme, int lineNumber)
    {
        var words = Words(phrase.Replace("*", "\u0001", StringComparison.Ordinal))
            .Select(w => w.EndsWith('\u0001') ? new Word(w[..^1], Prefix: true) : new Word(w, Prefix: false))
            .ToList();
        if (words.Count == 0 || words.Any(w => w.Text.Length == 0 || w.Text.Contains('\u0001', StringComparison.Ordinal) || (w.Prefix && w.Text.Length < PrefixKey)))
        {
            throw new FormatException($"Theme rules, line {lineNumber}: '{phrase}' is not an entry (a * ends a word of at least {PrefixKey} letters).");
        }
        return new Entry(theme, words, phrase);
    }

    /// <summary>
    /// The themes a text holds, the one of greatest weight first (a theme weighs as many of the text's words as its
    /// entries cover, each word once; ties go to the theme listed first), with the entries found.
    /// </summary>
    public ThemeMatch Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ThemeMatch.None;
        }
        var words = Words(text);
        var found = new List<(Entry Entry, int At)>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (_byWord.TryGetValue(word, out var exact))
            {
                AddFound(exact, words, i, found);
            }
            if (word.Length >= PrefixKey && _byPrefix.TryGetValue(word[..PrefixKey], out var prefixed))
            {
                AddFound(prefixed, words, i, found);
            }
        }
        if (found.Count == 0)
        {
            return ThemeMatch.None;
        }
        // Overlapping entries of one theme ("jeune*" and "jeunesse") cover the same word once.
        var themes = found
            .GroupBy(f => f.Entry.Theme)
            .Select(g => (Theme: g.Key, Weight: g.SelectMany(f => Enumerable.Range(f.At, f.Entry.Words.Count)).Distinct().Count()))
            .OrderByDescending(t => t.Weight).ThenBy(t => t.Theme.Rank)
            .Select(t => t.Theme)
            .ToList();
        var entries = found.Select(f => f.Entry).Distinct()
            .OrderBy(e => e.Theme.Rank).ThenBy(e => e.Phrase, StringComparer.Ordinal).Select(e => e.Phrase).ToList();
        return new ThemeMatch(themes, entries);
    }

    private static void AddFound(List<Entry> candidates, List<string> words, int at, List<(Entry, int)> found)
    {
        foreach (var entry in candidates)
        {
            if (entry.MatchesAt(words, at))
            {
                found.Add((entry, at));
            }
        }
    }

    /// <summary>Lower-case words without accents; anything but a letter or a digit separates them (apostrophes, hyphens).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '\u0001')
            {
                word.Append(Diacritics.Fold(char.ToLower(c, CultureInfo.InvariantCulture)));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private sealed record Word(string Text, bool Prefix)
    {
        public bool Matches(string word) => Prefix ? word.StartsWith(Text, StringComparison.Ordinal) : word == Text;
    }

    private sealed record Entry(ThemeRule Theme, IReadOnlyList<Word> Words, string Phrase)
    {
        public bool MatchesAt(List<string> text, int at)
        {
            if (at + Words.Count > text.Count)
            {
                return false;
            }
            for (var i = 0; i < Words.Count; i++)
            {
                if (!Words[i].Matches(text[at + i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
