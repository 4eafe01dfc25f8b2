using System.Text.Json.Nodes;

namespace CoopGraph.Graph.OpenData;

/// <summary>
/// Builds the lines of the import format (see <c>NdjsonLineReader</c>) that connectors emit, so that open data goes
/// through the very checks and batches of every other import. Null fields are left out.
/// </summary>
public static class Items
{
    public static JsonObject Node(string kind, string id, string name, string source) =>
        new() { ["op"] = "node", ["kind"] = kind, ["id"] = id, ["name"] = name, ["source"] = source };

    public static JsonObject Link(string type, string sourceId, string targetId, string source) =>
        new() { ["op"] = "link", ["type"] = type, ["sourceId"] = sourceId, ["targetId"] = targetId, ["source"] = source };

    /// <summary>Sets a field when the value is not null (strings, numbers, string lists).</summary>
    public static JsonObject With(this JsonObject item, string field, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                item[field] = text;
                break;
            case long number:
                item[field] = number;
                break;
            case IEnumerable<string> list:
                var array = new JsonArray();
                foreach (var entry in list)
                {
                    array.Add(entry);
                }
                if (array.Count > 0)
                {
                    item[field] = array;
                }
                break;
            default:
                throw new ArgumentException($"Unsupported value for '{field}'.", nameof(value));
        }
        return item;
    }
}
