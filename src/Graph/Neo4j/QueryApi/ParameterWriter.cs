using System.Text.Json;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>
/// Writes a statement's parameters as plain JSON, value by value, for the types the store passes: strings, booleans,
/// whole numbers (→ INTEGER), lists and maps of those. Anything else is refused rather than guessed at, so a decimal or
/// a date is converted on purpose by the caller (exact text; <c>date()</c> in Cypher).
/// </summary>
public static class ParameterWriter
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> parameters)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in parameters)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case IReadOnlyDictionary<string, object?> map:
                Write(writer, map);
                break;
            case IEnumerable<string> strings:
                writer.WriteStartArray();
                foreach (var item in strings)
                {
                    writer.WriteStringValue(item);
                }
                writer.WriteEndArray();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A Cypher parameter cannot be a {value.GetType().Name}; convert it first.", nameof(value));
        }
    }
}
