using System.Text;
using System.Text.Json;
using CoopGraph.Domain.Validation;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Reads the import format: one JSON object a line with <c>"op": "node" | "link" | "delete"</c> and the fields of
/// the GraphQL inputs (ActorInput, ThemeInput, PolicyInput, TerritoryInput by <c>kind</c>; LinkInput; for delete,
/// <c>id</c> and <c>"what": "node" | "link"</c>), mapped by <see cref="ImportLineMapper"/> as every other format.
/// Unknown fields are ignored; fields foreign to a kind are refused, as in the mutations; a field given twice, text
/// that is not UTF-8 and numbers beyond a decimal refuse the line.
/// </summary>
/// <remarks>
/// A line is read from its UTF-8 bytes in one pass, into one field table reused from line to line: an import reads
/// millions of lines, and a document tree, a dictionary and a string per line and per field name were most of its
/// reading time. So an instance serves one reading thread.
/// </remarks>
public sealed class NdjsonLineReader
{
    // Every field the inputs know, so that a line's field names are the same few strings rather than new ones.
    private static readonly HashSet<string> KnownFields =
    [
        "op", "what", "kind", "id", "name", "description", "tags", "source", "domain", "domains", "authorityId",
        "territoryCode", "themeIds", "legalForm", "siren", "level", "code", "population", "universityKind", "parentId", "directionId",
        "instrument", "budget", "start", "end", "ownerId", "type", "sourceId", "targetId", "since", "until", "note",
        "intensity", "amount", "year", "outcome", "privateTo", "founded", "decisionMaking", "stage", "uai", "category", "public",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownFieldsBySpan =
        KnownFields.GetAlternateLookup<ReadOnlySpan<char>>();

    // Fields whose values repeat from line to line (enum names, the source of a dataset): kept once each.
    private static readonly HashSet<string> RepeatedValueFields =
        ["op", "what", "kind", "type", "domain", "domains", "level", "legalForm", "universityKind", "instrument", "outcome", "stage", "source", "privateTo"];

    private const int MaxRepeatedValues = 4096;

    private readonly Dictionary<string, object?> _fields = new(StringComparer.Ordinal);
    private readonly InputReader _input;
    private readonly List<UserError> _errors = [];
    private readonly HashSet<string> _repeated = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _repeatedBySpan;
    private char[] _chars = new char[256];

    public NdjsonLineReader()
    {
        _repeatedBySpan = _repeated.GetAlternateLookup<ReadOnlySpan<char>>();
        _input = new InputReader(_fields);
    }

    /// <summary>Reads one line from its UTF-8 bytes, without its line break.</summary>
    public ImportLine Read(ReadOnlySpan<byte> utf8, long number)
    {
        if (ReadFields(utf8) is { } problem)
        {
            return new ImportLine(number, Problem: problem);
        }
        return ImportLineMapper.Map(_input, number, _errors);
    }

    /// <summary>Fills the field table from one JSON object; returns why the line cannot be read, or null.</summary>
    private string? ReadFields(ReadOnlySpan<byte> utf8)
    {
        _fields.Clear();
        try
        {
            var json = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                // Read the rest, so that text that is not JSON at all is told from JSON that is not an object.
                while (json.Read())
                {
                }
                return "A line must be a JSON object.";
            }
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = FieldName(ref json);
                json.Read();
                var value = Value(ref json, name, utf8);
                if (!_fields.TryAdd(name, value))
                {
                    return $"'{name}' is given twice.";
                }
            }
            // Anything after the object (a second value) is refused here, as the reader is told the line is whole.
            while (json.Read())
            {
            }
            return null;
        }
        catch (JsonException)
        {
            return "Not valid JSON.";
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader refuses to turn bytes that are not UTF-8 into a string.
            return "Not valid UTF-8.";
        }
        catch (OverflowException)
        {
            return "A number is beyond the range of a decimal.";
        }
    }

    private string FieldName(ref Utf8JsonReader json)
    {
        var chars = Chars(ref json);
        return KnownFieldsBySpan.TryGetValue(chars, out var known) ? known : chars.ToString();
    }

    private object? Value(ref Utf8JsonReader json, string field, ReadOnlySpan<byte> line)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                return RepeatedValueFields.Contains(field) ? Repeated(ref json) : json.GetString();
            case JsonTokenType.Number:
                return json.TryGetDecimal(out var number) ? number : throw new OverflowException();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Value(ref json, field, line));
                }
                return list;
            default:
                // An object where a value was expected: the mappers refuse it as a value of the wrong form (unless the
                // field is one they ignore).
                var start = (int)json.TokenStartIndex;
                json.Skip();
                return new ObjectValue(Encoding.UTF8.GetString(line[start..(int)json.BytesConsumed]));
        }
    }

    /// <summary>A JSON object given as a field's value; no input field takes one.</summary>
    private sealed record ObjectValue(string Json)
    {
        public override string ToString() => Json;
    }

    private string Repeated(ref Utf8JsonReader json)
    {
        var chars = Chars(ref json);
        if (_repeatedBySpan.TryGetValue(chars, out var known))
        {
            return known;
        }
        var text = chars.ToString();
        if (_repeated.Count < MaxRepeatedValues)
        {
            _repeated.Add(text);
        }
        return text;
    }

    /// <summary>The current string token (a name or a value) unescaped into a reused buffer.</summary>
    private ReadOnlySpan<char> Chars(ref Utf8JsonReader json)
    {
        var most = json.HasValueSequence ? checked((int)json.ValueSequence.Length) : json.ValueSpan.Length;
        if (most > _chars.Length)
        {
            _chars = new char[Math.Max(most, _chars.Length * 2)];
        }
        return _chars.AsSpan(0, json.CopyString(_chars));
    }
}
