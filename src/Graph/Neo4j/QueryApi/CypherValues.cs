namespace CoopGraph.Graph.Neo4j.QueryApi;

// Values of the typed JSON format that have no plain CLR counterpart. The others map to CLR types directly:
// Null → null, Boolean → bool, Integer → long, Float → double, String → string, Base64 → byte[], List → IReadOnlyList<object?>,
// Map → IReadOnlyDictionary<string, object?>, Date → DateOnly, LocalTime → TimeOnly, LocalDateTime → DateTime,
// OffsetDateTime → DateTimeOffset.

/// <summary>A TIME with a zone offset (Cypher's ZONED TIME).</summary>
public sealed record OffsetTime(TimeOnly Time, TimeSpan Offset);

/// <summary>A DATETIME whose zone is a region id: the instant, with the offset it had there, and the zone's name.</summary>
public sealed record ZonedDateTime(DateTimeOffset Instant, string Zone);

/// <summary>A DURATION, kept as the ISO-8601 text Neo4j writes (months and days are not fixed lengths of time).</summary>
public sealed record CypherDuration(string Iso8601);

/// <summary>A POINT: coordinates in the reference system named by its SRID.</summary>
public sealed record CypherPoint(int Srid, double X, double Y, double? Z);

public sealed record CypherNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

public sealed record CypherRelationship(
    string ElementId, string StartElementId, string EndElementId, string Type, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A path: node, relationship, node, … (the direction of each step is in the relationship's ends).</summary>
public sealed record CypherPath(IReadOnlyList<object> Elements);
