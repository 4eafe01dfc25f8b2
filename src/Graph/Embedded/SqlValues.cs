using System.Globalization;
using System.Text.Json;
using CoopGraph.Domain.Model;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>Conversions between CLR values and the text/integer columns of the schema.</summary>
internal static class SqlValues
{
    public static object Db(object? value) => value ?? DBNull.Value;

    public static object Db(DateOnly? value) => value is { } d ? IsoDate.Format(d) : DBNull.Value;

    public static object Db(decimal? value) => value is { } d ? d.ToString(CultureInfo.InvariantCulture) : DBNull.Value;

    public static object DbEnum<T>(T? value) where T : struct, Enum => value is { } v ? v.ToString() : DBNull.Value;

    /// <summary>A list parameter for <c>json_each</c>: lists become one JSON text so that IN-lists stay parameterised.</summary>
    public static object Json<T>(IEnumerable<T>? values) => values is null ? DBNull.Value : JsonSerializer.Serialize(values);

    public static string? Text(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Long(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? Int(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateOnly? Date(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : IsoDate.Parse(reader.GetString(ordinal));

    public static decimal? Decimal(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : decimal.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

    public static T? Enum<T>(this SqliteDataReader reader, int ordinal) where T : struct, Enum =>
        reader.IsDBNull(ordinal) ? null : System.Enum.Parse<T>(reader.GetString(ordinal));

    public static DateTimeOffset Instant(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static void Add(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
