using System.Globalization;

namespace CoopGraph.Graph.Neo4j;

/// <summary>Reading typed property maps (<c>n {.*}</c>) and writing values Neo4j keeps exactly (decimals as text, dates as DATE).</summary>
internal static class PropertyMaps
{
    public static string? Text(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as string;

    public static string RequiredText(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) as string ?? throw new InvalidDataException($"The stored item has no '{key}'.");

    public static long? Long(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as long?;

    public static int? Int(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) is long l ? checked((int)l) : null;

    public static DateOnly? Date(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as DateOnly?;

    public static decimal? Decimal(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) is string s ? decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture) : null;

    public static DateTimeOffset Instant(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        DateTimeOffset d => d,
        QueryApi.ZonedDateTime z => z.Instant,
        _ => default,
    };

    public static T? Enum<T>(this IReadOnlyDictionary<string, object?> map, string key) where T : struct, System.Enum =>
        map.GetValueOrDefault(key) is string s ? System.Enum.Parse<T>(s) : null;

    public static IReadOnlyList<string> Strings(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) is IReadOnlyList<object?> list ? list.OfType<string>().ToList() : [];

    public static IReadOnlyDictionary<string, object?> Map(object? value) =>
        value as IReadOnlyDictionary<string, object?> ?? throw new InvalidDataException("Expected a map in the result.");

    public static void RemoveNulls(Dictionary<string, object?> properties)
    {
        foreach (var (name, value) in properties)
        {
            if (value is null)
            {
                properties.Remove(name);
            }
        }
    }

    public static string? Param(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Param(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Param(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
