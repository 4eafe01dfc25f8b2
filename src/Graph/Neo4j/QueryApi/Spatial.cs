using System.Globalization;
using System.Text.Json;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>Points come as WKT with an SRID ("SRID=4326;POINT (2.35 48.85)") from current servers, as an object from older ones.</summary>
internal static class Spatial
{
    public static CypherPoint ParsePoint(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            var coordinates = value.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
            var srid = value.TryGetProperty("crs", out var crs) && crs.TryGetProperty("srid", out var s) ? s.GetInt32() : 0;
            return new CypherPoint(srid, coordinates[0], coordinates[1], coordinates.Length > 2 ? coordinates[2] : null);
        }
        var text = value.GetString() ?? throw new Neo4jProtocolException("A point has no value.");
        var semicolon = text.IndexOf(';', StringComparison.Ordinal);
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (!text.StartsWith("SRID=", StringComparison.Ordinal) || semicolon < 0 || open < 0 || close < open)
        {
            throw new Neo4jProtocolException($"'{text}' is not a point.");
        }
        var numbers = text[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        return new CypherPoint(
            int.Parse(text.AsSpan(5, semicolon - 5), CultureInfo.InvariantCulture), numbers[0], numbers[1], numbers.Length > 2 ? numbers[2] : null);
    }
}
