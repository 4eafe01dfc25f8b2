using System.Globalization;
using CoopGraph.Domain.Validation;

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

    /// <summary>
    /// The import lines of the rows, numbered as the file's lines (the header is line 1, a blank line like a blank
    /// row); a row that cannot be read becomes a line with the reason. A header the format refuses throws <see cref="FormatException"/> on the first read.
    /// </summary>
    public static IEnumerable<ImportLine> Lines(TextReader input, string? kind)
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
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new InputReader(fields);
        var errors = new List<UserError>();
        long number = 1;
        yield return new ImportLine(number);
        foreach (var row in table.Records())
        {
            number++;
            if (row.IsBlank)
            {
                yield return new ImportLine(number);
                continue;
            }
            fields.Clear();
            fields["op"] = isLinks ? "link" : "node";
            if (!isLinks && !header.Contains("kind"))
            {
                fields["kind"] = kind;
            }
            foreach (var name in header)
            {
                if (row[name] is not { } value)
                {
                    continue;
                }
                fields[name] = Lists.Contains(name)
                    ? value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : Numeric.Contains(name) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : value;
            }
            yield return ImportLineMapper.Map(reader, number, errors);
        }
    }
}
