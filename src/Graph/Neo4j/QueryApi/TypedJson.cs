using System.Globalization;
using System.Text.Json;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>
/// Reads Neo4j's typed JSON (<c>application/vnd.neo4j.query</c>): every value is <c>{"$type": T, "_value": V}</c>, so
/// integers stay exact, floats stay floats and temporal values keep their kind. Mapped by hand, one case per type name.
/// </summary>
public static class TypedJson
{
    public const string MediaType = "application/vnd.neo4j.query";

    public static object? Read(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("$type", out var typeElement))
        {
            throw new Neo4jProtocolException($"Expected a typed value ({{\"$type\", \"_value\"}}), got {value.ValueKind}.");
        }
        var type = typeElement.GetString();
        if (!value.TryGetProperty("_value", out var v))
        {
            throw new Neo4jProtocolException($"The typed value of type {type} has no _value.");
        }
        return type switch
        {
            "Null" => null,
            "Boolean" => v.GetBoolean(),
            "Integer" => v.ValueKind == JsonValueKind.String ? long.Parse(v.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : v.GetInt64(),
            "Float" => v.ValueKind == JsonValueKind.String ? ParseFloat(v.GetString()!) : v.GetDouble(),
            "String" => v.GetString(),
            "Base64" => Convert.FromBase64String(v.GetString()!),
            "List" => ReadList(v),
            "Map" => ReadMap(v),
            "Date" => DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "LocalTime" => TimeOnly.Parse(Temporal.TrimNanos(v.GetString()!), CultureInfo.InvariantCulture),
            "Time" => Temporal.ParseOffsetTime(v.GetString()!),
            "LocalDateTime" => DateTime.Parse(Temporal.TrimNanos(v.GetString()!), CultureInfo.InvariantCulture, DateTimeStyles.None),
            "OffsetDateTime" or "ZonedDateTime" => Temporal.ParseDateTime(v.GetString()!),
            "Duration" => new CypherDuration(v.GetString()!),
            "Point" => Spatial.ParsePoint(v),
            "Node" => ReadNode(v),
            "Relationship" => ReadRelationship(v),
            "Path" => new CypherPath(ReadList(v).Select(e => e ?? throw new Neo4jProtocolException("A path holds a null.")).ToList()),
            _ => throw new Neo4jProtocolException($"Unknown typed value type '{type}'."),
        };
    }

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static List<object?> ReadList(JsonElement array)
    {
        var list = new List<object?>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(Read(item));
        }
        return list;
    }

    private static Dictionary<string, object?> ReadMap(JsonElement obj)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            map[property.Name] = Read(property.Value);
        }
        return map;
    }

    private static CypherNode ReadNode(JsonElement v) => new(
        v.GetProperty("_element_id").GetString()!,
        v.GetProperty("_labels").EnumerateArray().Select(l => l.GetString()!).ToList(),
        v.TryGetProperty("_properties", out var p) ? ReadMap(p) : new Dictionary<string, object?>());

    private static CypherRelationship ReadRelationship(JsonElement v) => new(
        v.GetProperty("_element_id").GetString()!,
        v.GetProperty("_start_node_element_id").GetString()!,
        v.GetProperty("_end_node_element_id").GetString()!,
        v.GetProperty("_type").GetString()!,
        v.TryGetProperty("_properties", out var p) ? ReadMap(p) : new Dictionary<string, object?>());
}
