using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CoopGraph.Graph.ReadModel;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The tokens the store's full-text index makes of a text, made in .NET exactly as FTS5's tokenizer makes them, so that
/// the read model finds and ranks what the store would. FTS5's 'unicode61' tokenizer looks at one character at a time:
/// either it separates tokens, or it is part of one and folds to a character (lower case, accent removed) or to nothing.
/// What it does with each character is asked of SQLite itself — the very library the store runs on — for the whole Basic
/// Multilingual Plane at first use and for the block of 4,096 characters around any other character when first met (so
/// that no typed text can make more than a few hundred probes in the life of the process), rather than written here as a table
/// that would drift from the library's own. A token whose characters all fold to nothing is no token (SQLite's behaviour).
/// </summary>
internal sealed class Fts5Tokenizer : ITextTokenizer
{
    /// <summary>The tokenizer of the store's index (its migration creates the index with these very arguments).</summary>
    public const string Arguments = "unicode61 remove_diacritics 2";

    private const int Separates = -1;
    private const int Vanishes = 0;
    private const int PlaneSize = 0x10000;
    private const int BlockSize = 0x1000;

    private static readonly Lazy<Fts5Tokenizer> Shared = new(() => new Fts5Tokenizer(), LazyThreadSafetyMode.ExecutionAndPublication);

    // Per character: Separates, Vanishes, or the character it folds to.
    private readonly int[] _basicPlane;
    // Beyond the BMP, per block of BlockSize characters: each character's fold, as in the BMP's table.
    private readonly ConcurrentDictionary<int, int[]> _otherBlocks = new();

    private Fts5Tokenizer()
    {
        _basicPlane = new int[PlaneSize];
        // Surrogate halves are no characters: a lone one reaches SQLite as U+FFFD, and EnumerateRunes reads it so too.
        var characters = Enumerable.Range(0, PlaneSize).Where(c => c is < 0xD800 or > 0xDFFF).ToList();
        foreach (var (character, fold) in Probe(characters))
        {
            _basicPlane[character] = fold;
        }
    }

    /// <summary>One per process: the probe of 65,000 characters takes a fraction of a second, once.</summary>
    public static Fts5Tokenizer Instance => Shared.Value;

    public void Tokenize(string? text, List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var token = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var fold = Fold(rune.Value);
            if (fold == Separates)
            {
                Flush();
            }
            else if (fold is > Vanishes and < PlaneSize)
            {
                token.Append((char)fold);
            }
            else if (fold != Vanishes)
            {
                token.Append(char.ConvertFromUtf32(fold));
            }
        }
        Flush();

        void Flush()
        {
            if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }
    }

    private int Fold(int character) =>
        character < PlaneSize
            ? _basicPlane[character]
            : _otherBlocks.GetOrAdd(character / BlockSize, ProbeBlock)[character % BlockSize];

    private static int[] ProbeBlock(int block)
    {
        var folds = new int[BlockSize];
        foreach (var (character, fold) in Probe(Enumerable.Range(block * BlockSize, BlockSize).ToList()))
        {
            folds[character % BlockSize] = fold;
        }
        return folds;
    }

    /// <summary>
    /// Indexes "a", the character, "a" in an in-memory FTS5 table per character and reads the tokens back: two tokens
    /// when it separates, else one, the character's fold between the two a's.
    /// </summary>
    private static List<(int Character, int Fold)> Probe(IReadOnlyList<int> characters)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText =
                "CREATE VIRTUAL TABLE probe USING fts5 (text, tokenize = '" + Arguments + "');" +
                "CREATE VIRTUAL TABLE probe_tokens USING fts5vocab (probe, 'instance');";
            create.ExecuteNonQuery();
        }
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO probe (rowid, text) VALUES (@character, @text)";
            var character = insert.Parameters.Add("@character", SqliteType.Integer);
            var text = insert.Parameters.Add("@text", SqliteType.Text);
            foreach (var c in characters)
            {
                character.Value = c;
                text.Value = "a" + char.ConvertFromUtf32(c) + "a";
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        var tokens = characters.ToDictionary(c => c, _ => new List<string>(2));
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT doc, term FROM probe_tokens ORDER BY doc, offset";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                tokens[checked((int)reader.GetInt64(0))].Add(reader.GetString(1));
            }
        }
        return characters.Select(c => (c, FoldOf(c, tokens[c]))).ToList();
    }

    private static int FoldOf(int character, List<string> tokens)
    {
        if (tokens is ["a", "a"])
        {
            return Separates;
        }
        if (tokens is [{ Length: >= 2 } token] && token[0] == 'a' && token[^1] == 'a')
        {
            var fold = token[1..^1];
            if (fold.Length == 0)
            {
                return Vanishes;
            }
            if (char.ConvertToUtf32(fold, 0) is var folded && char.ConvertFromUtf32(folded).Length == fold.Length)
            {
                return folded;
            }
        }
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"SQLite's tokenizer made [{string.Join(", ", tokens)}] of U+{character:X4} between two a's: not one character's fold."));
    }
}
