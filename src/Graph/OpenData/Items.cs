using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData;

/// <summary>
/// What a connector makes of a row: the fields of one import item (<c>op</c>, <c>kind</c> and the fields of the
/// GraphQL inputs), mapped to an import line by <see cref="ImportLineMapper"/> like every other format, so that open
/// data goes through the very checks and batches of every other import. Null fields are left out.
/// </summary>
public sealed class ImportItem
{
    private readonly Dictionary<string, object?> _fields = new(StringComparer.Ordinal);

    internal IDictionary<string, object?> Fields => _fields;

    public bool IsLink => _fields.GetValueOrDefault("op") is "link";

    /// <summary>A field's value: a string, a number, a boolean or a list of strings; null when not set.</summary>
    public object? this[string field] => _fields.GetValueOrDefault(field);

    /// <summary>Sets a field when the value is not null (strings, numbers, booleans, non-empty string lists).</summary>
    public ImportItem With(string field, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string or long or bool or decimal:
                _fields[field] = value;
                break;
            case IEnumerable<string> list:
                var entries = list.ToList();
                if (entries.Count > 0)
                {
                    _fields[field] = entries;
                }
                break;
            default:
                throw new ArgumentException($"Unsupported value for '{field}'.", nameof(value));
        }
        return this;
    }
}

/// <summary>The items connectors start from.</summary>
public static class Items
{
    public static ImportItem Node(string kind, string id, string name, string source) =>
        new ImportItem().With("op", "node").With("kind", kind).With("id", id).With("name", name).With("source", source);

    public static ImportItem Link(string type, string sourceId, string targetId, string source) =>
        new ImportItem().With("op", "link").With("type", type).With("sourceId", sourceId).With("targetId", targetId).With("source", source);
}
