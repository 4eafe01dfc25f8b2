namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// The texts links carry that many of them share — their dataset's name, the authority they are private to, a note —
/// each held once and named by a number (<see cref="LinkRow"/> holds the numbers). Number 0 is no text. Immutable: a
/// write that brings texts the table lacks makes a new table with them appended (<see cref="Editor"/>), and the
/// numbers the old one gave stay valid in it. A text no row numbers any more stays until the next whole copy of the
/// graph: only texts written since, few beside the graph's.
/// </summary>
internal sealed class TextTable
{
    public static readonly TextTable Empty = new([], new Dictionary<string, int>(StringComparer.Ordinal));

    private readonly string[] _texts;
    private readonly Dictionary<string, int> _numbers;

    private TextTable(string[] texts, Dictionary<string, int> numbers)
    {
        _texts = texts;
        _numbers = numbers;
    }

    public int Count => _texts.Length;

    /// <summary>The text numbered <paramref name="number"/>, null for 0.</summary>
    public string? this[int number] => number == 0 ? null : _texts[number - 1];

    /// <summary>
    /// Numbers texts against a table, and makes the table that holds them all. The table is copied only when a text is
    /// new to it, so numbering a write's texts that are all known costs no copy. One writer at a time.
    /// </summary>
    public sealed class Editor(TextTable table)
    {
        private List<string>? _texts;
        private Dictionary<string, int>? _numbers;

        public int Number(string? text)
        {
            if (text is null)
            {
                return 0;
            }
            if ((_numbers ?? table._numbers).TryGetValue(text, out var number))
            {
                return number;
            }
            _texts ??= [.. table._texts];
            _numbers ??= new Dictionary<string, int>(table._numbers, StringComparer.Ordinal);
            _texts.Add(text);
            _numbers.Add(text, _texts.Count);
            return _texts.Count;
        }

        public TextTable Build()
        {
            if (_texts is not null)
            {
                // The new table takes the lookup; a later text is numbered against it and copies it again.
                table = new TextTable([.. _texts], _numbers!);
                _texts = null;
                _numbers = null;
            }
            return table;
        }
    }
}
