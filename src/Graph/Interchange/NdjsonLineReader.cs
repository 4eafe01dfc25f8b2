using System.Text.Json;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Interchange;

/// <summary>One line of an import: a node upsert, a link upsert or a deletion; or the reason it cannot be read.</summary>
public sealed record ImportLine(long Number, NodeUpsert? Node = null, LinkUpsert? Link = null, ItemDelete? NodeDelete = null, ItemDelete? LinkDelete = null, string? Problem = null);

/// <summary>
/// Reads the import format: one JSON object a line with <c>"op": "node" | "link" | "delete"</c> and the fields of
/// the GraphQL inputs (ActorInput, ThemeInput, PolicyInput, TerritoryInput by <c>kind</c>; LinkInput; for delete,
/// <c>id</c> and <c>"what": "node" | "link"</c>), mapped by the same <see cref="InputMappers"/> as the mutations.
/// Unknown fields are ignored; fields foreign to a kind are refused, as in the mutations.
/// </summary>
public static class NdjsonLineReader
{
    private static readonly HashSet<string> ActorKinds = ["AUTHORITY", "SERVICE", "SSE_ACTOR", "UNIVERSITY", "INNOVATION_LAB"];

    public static ImportLine Read(string text, long number)
    {
        IReadOnlyList<object> path = ["line", number];
        Dictionary<string, object?> fields;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ImportLine(number, Problem: "A line must be a JSON object.");
            }
            fields = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new ImportLine(number, Problem: "Not valid JSON.");
        }
        try
        {
            var input = new InputReader(fields);
            var errors = new List<UserError>();
            var line = input.String("op") switch
            {
                "node" => input.String("kind") switch
                {
                    { } kind when ActorKinds.Contains(kind) => new ImportLine(number, Node: InputMappers.Actor(input, path, errors)),
                    "THEME" => new ImportLine(number, Node: InputMappers.Theme(input, path, errors)),
                    "POLICY" => new ImportLine(number, Node: InputMappers.Policy(input, path, errors)),
                    "TERRITORY" => new ImportLine(number, Node: InputMappers.Territory(input, path, errors)),
                    var kind => new ImportLine(number, Problem: $"Unknown kind '{kind ?? "(missing)"}'."),
                },
                "link" => new ImportLine(number, Link: InputMappers.Link(input, path, errors)),
                "delete" => input.String("what") switch
                {
                    "link" => new ImportLine(number, LinkDelete: new ItemDelete(input.String("id") ?? "", path)),
                    "node" or null => new ImportLine(number, NodeDelete: new ItemDelete(input.String("id") ?? "", path)),
                    var other => new ImportLine(number, Problem: $"'what' must be node or link, not '{other}'."),
                },
                var op => new ImportLine(number, Problem: $"'op' must be node, link or delete, not '{op ?? "(missing)"}'."),
            };
            return errors.Count > 0 ? new ImportLine(number, Problem: string.Join(" ", errors.Select(e => e.Message))) : line;
        }
        catch (FormatException e)
        {
            return new ImportLine(number, Problem: e.Message);
        }
    }

    /// <summary>JSON values as the input mappers take them: strings, decimal numbers, lists, booleans.</summary>
    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
