using System.Globalization;
using System.Text.Json.Nodes;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// CSV import: one file per kind, a header naming the columns (the fields of the GraphQL inputs). A file whose
/// header has sourceId and targetId holds links (LinkInput columns); any other file holds nodes, of the kind given
/// by its <c>kind</c> column or, for files without one, by the kind the caller names (THEME, TERRITORY…). Lists
/// (themeIds, tags, domains) are separated by '|' inside a cell. Each row becomes an import line, so that CSV and
/// NDJSON share the checks, the batches and the report.
/// </summary>
public static class CsvImport
{
    public static readonly string[] Numeric = ["population", "budget", "intensity", "amount", "year"];
    public static readonly string[] Lists = ["themeIds", "tags", "domains"];

    /// <summary>NDJSON lines made from the CSV rows; a row that cannot be read becomes a line the reader refuses, with the reason.</summary>
    public static IEnumerable<string> ToNdjson(TextReader input, string? kind)
    {
        using var table = CsvTable.Open(input);
        var header = table.Columns;
        if (header.Count == 0)
        {
            yield break;
        }
        var isLinks = header.Contains("sourceId") && header.Contains("targetId");
        if (!isLinks && !header.Contains("kind") && kind is null)
        {
            throw new FormatException("A node file needs a 'kind' column, or the kind of its rows given with it (THEME, TERRITORY, POLICY…).");
        }
        var missing = (isLinks ? new[] { "type", "sourceId", "targetId" } : ["id", "name"]).Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The header lacks the column(s) {string.Join(", ", missing)}.");
        }
        foreach (var row in table.Records())
        {
            if (row.IsBlank)
            {
                yield return "";
                continue;
            }
            var line = new JsonObject { ["op"] = isLinks ? "link" : "node" };
            if (!isLinks && !header.Contains("kind"))
            {
                line["kind"] = kind;
            }
            foreach (var name in header)
            {
                if (row[name] is not { } value)
                {
                    continue;
                }
                line[name] = Lists.Contains(name)
                    ? new JsonArray(value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (JsonNode)v!).ToArray())
                    : Numeric.Contains(name) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : value;
            }
            yield return line.ToJsonString();
        }
    }
}
