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

    /// <summary>
    /// Binds who reads, for the visibility predicates (<see cref="NodeVisible"/>, <see cref="LinkVisible"/>): every
    /// read statement takes the two parameters, so its text stays constant whoever reads.
    /// </summary>
    public static void AddViewer(this SqliteCommand command, Viewer viewer)
    {
        command.Parameters.AddWithValue("@see_all", viewer.SeesAll ? 1 : 0);
        command.Parameters.AddWithValue("@viewer", Db(viewer.AuthorityId));
    }

    /// <summary>The viewer sees node <c>n</c>: it is public, private to the viewer's authority, or the viewer sees all.</summary>
    public const string NodeVisible = "(@see_all = 1 OR n.private_to IS NULL OR n.private_to = @viewer)";

    /// <summary>The viewer sees link <c>l</c> (its private_to covers its ends).</summary>
    public const string LinkVisible = "(@see_all = 1 OR l.private_to IS NULL OR l.private_to = @viewer)";

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

    /// <summary>A command in <paramref name="transaction"/>: the embedded store's statements are constants, values parameters.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Every caller passes a constant statement of the embedded store; values go in parameters.")]
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Add(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
