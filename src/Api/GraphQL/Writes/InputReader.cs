using System.Collections;

namespace CoopGraph.Api.GraphQL.Writes;

/// <summary>
/// Reads one input object as GraphQL.NET hands it over (a dictionary of coerced values), telling an
/// absent field from one set to a value; the mappers need that to refuse fields that do not apply.
/// </summary>
public sealed class InputReader(IDictionary<string, object?> values)
{
    public bool Has(string field) => values.TryGetValue(field, out var value) && value is not null;

    public string? String(string field) => values.TryGetValue(field, out var value) ? value?.ToString() : null;

    public T? Value<T>(string field) where T : struct =>
        !values.TryGetValue(field, out var value) || value is null ? null
        : value is T typed ? typed
        : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    public T? Enum<T>(string field) where T : struct, Enum =>
        values.TryGetValue(field, out var value) && value is T typed ? typed : null;

    public List<string>? Strings(string field) =>
        values.TryGetValue(field, out var value) && value is IEnumerable list and not string
            ? list.Cast<object?>().Select(v => v?.ToString() ?? "").ToList()
            : null;

    public List<T>? Enums<T>(string field) where T : struct, Enum =>
        values.TryGetValue(field, out var value) && value is IEnumerable list and not string ? list.Cast<object?>().OfType<T>().ToList() : null;

    /// <summary>The input object passed as argument <paramref name="name"/>, or null when the argument is absent.</summary>
    public static InputReader? FromArgument(global::GraphQL.IResolveFieldContext context, string name) =>
        global::GraphQL.ResolveFieldContextExtensions.GetArgument<Dictionary<string, object?>?>(context, name) is { } values ? new InputReader(values) : null;

    public IEnumerable<string> FieldsSet => values.Where(p => p.Value is not null).Select(p => p.Key);
}
