using System.Collections;
using System.Globalization;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Reads one input object, whether GraphQL.NET coerced it (enums as CLR enums, dates as DateOnly) or it comes raw
/// from an import line (names as strings, numbers as decimals), telling an absent field from one set to a value:
/// the mappers need that to refuse fields that do not apply. A value of the wrong form throws FormatException.
/// </summary>
public sealed class InputReader(IDictionary<string, object?> values)
{
    public bool Has(string field) => values.TryGetValue(field, out var value) && value is not null;

    public string? String(string field) => values.TryGetValue(field, out var value) ? value switch
    {
        null => null,
        string text => text,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"'{field}' must be a string."),
    } : null;

    public T? Value<T>(string field) where T : struct
    {
        if (!values.TryGetValue(field, out var value) || value is null)
        {
            return null;
        }
        if (value is T typed)
        {
            return typed;
        }
        if (typeof(T) == typeof(DateOnly))
        {
            return value is string text && Domain.Model.IsoDate.TryParse(text, out var date)
                ? (T)(object)date
                : throw new FormatException($"'{field}' must be a date, yyyy-MM-dd.");
        }
        try
        {
            var converted = Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
            // A whole-number field given 2.5 would silently lose the half.
            return value is decimal number && converted is int or long && number != decimal.Truncate(number)
                ? throw new FormatException($"'{field}' must be a whole number.")
                : (T)converted;
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
        {
            throw new FormatException($"'{field}' must be a {(typeof(T) == typeof(decimal) ? "number" : "whole number")}.", e);
        }
    }

    public T? Enum<T>(string field) where T : struct, Enum =>
        values.TryGetValue(field, out var value) ? value switch
        {
            null => null,
            T typed => typed,
            string text => ParseEnum<T>(text, field),
            _ => throw new FormatException($"'{field}' must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(Domain.Model.ConstantCase.From))}."),
        } : null;

    public List<string>? Strings(string field) =>
        values.TryGetValue(field, out var value) && value is IEnumerable list and not string
            ? list.Cast<object?>().Select(v => v?.ToString() ?? "").ToList()
            : null;

    public List<T>? Enums<T>(string field) where T : struct, Enum =>
        values.TryGetValue(field, out var value) && value is IEnumerable list and not string
            ? list.Cast<object?>().Select(v => v is T typed ? typed : ParseEnum<T>(v?.ToString() ?? "", field)).ToList()
            : null;

    /// <summary>A nested input object, or null when absent.</summary>
    public InputReader? Object(string field) =>
        values.TryGetValue(field, out var value) && value is IDictionary<string, object?> nested ? new InputReader(nested) : null;

    public IEnumerable<string> FieldsSet => values.Where(p => p.Value is not null).Select(p => p.Key);

    /// <summary>"SSE_ACTOR" → ActorKind.SseActor, as the schema writes enum values.</summary>
    private static T ParseEnum<T>(string text, string field) where T : struct, Enum =>
        ConstantNames<T>.Values.TryGetValue(text, out var known) ? known
        : System.Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
        && System.Enum.IsDefined(parsed) && !text.Any(char.IsDigit)
            ? parsed
            : throw new FormatException($"'{text}' is not a valid {field}: one of {string.Join(", ", System.Enum.GetNames<T>().Select(Domain.Model.ConstantCase.From))}.");

    /// <summary>
    /// The values of an enum by the names the schema gives them, looked up before the general (allocating, case-folding)
    /// parse: an import reads one or more such names on every line.
    /// </summary>
    private static class ConstantNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> Values =
            System.Enum.GetValues<T>().ToDictionary(v => Domain.Model.ConstantCase.From(v.ToString()), StringComparer.Ordinal);
    }
}
