using System.Globalization;
using System.Text.Json;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Tables;

/// <summary>
/// A JSON file of records read as a table: a top-level array of objects, or the arrays of objects a top-level object
/// holds (DECP's <c>{"marches":[…]}</c>, or <c>{"marches":{"marche":[…]}}</c> in its second version). Opendatasoft API
/// records (<c>{"record":{"fields":{…}}}</c>) are read as their fields. Nested objects and arrays become dotted
/// columns (<c>acheteur.id</c>, <c>titulaires.0.id</c>); a record's row number is its position in the file, from 1.
/// </summary>
public sealed class JsonRecords : IRecordTable
{
    private readonly List<Dictionary<string, string>> _records;

    private JsonRecords(List<Dictionary<string, string>> records, IReadOnlyList<string> columns)
    {
        _records = records;
        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>True when the document describes data (a JSON Schema or a Table Schema) rather than holding records.</summary>
    /// <remarks>
    /// A schema's own <c>$schema</c> names a meta-schema (JSON Schema, Frictionless Table Schema); a data file's, when it
    /// has one, names the schema of its data.
    /// </remarks>
    public static bool IsSchema(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String
        && (schema.GetString()!.Contains("json-schema.org", StringComparison.OrdinalIgnoreCase)
            || schema.GetString()!.Contains("table-schema", StringComparison.OrdinalIgnoreCase));

    public static JsonRecords Read(JsonElement root)
    {
        var records = new List<Dictionary<string, string>>();
        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var array in RecordArrays(root))
        {
            foreach (var item in array.EnumerateArray())
            {
                var record = new Dictionary<string, string>(StringComparer.Ordinal);
                Flatten(Fields(item), "", record);
                foreach (var key in record.Keys.Where(known.Add))
                {
                    columns.Add(key);
                }
                records.Add(record);
            }
        }
        if (records.Count == 0)
        {
            throw new OpenDataFormatException("The JSON file holds no array of records.");
        }
        return new JsonRecords(records, columns);
    }

    public IEnumerable<CsvRecord> Records()
    {
        for (var i = 0; i < _records.Count; i++)
        {
            yield return new CsvRecord(i + 1, _records[i]);
        }
    }

    public void Dispose()
    {
    }

    private static IEnumerable<JsonElement> RecordArrays(JsonElement root)
    {
        if (IsRecordArray(root))
        {
            yield return root;
            yield break;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var property in root.EnumerateObject())
        {
            if (IsRecordArray(property.Value))
            {
                yield return property.Value;
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in property.Value.EnumerateObject().Where(p => IsRecordArray(p.Value)))
                {
                    yield return inner.Value;
                }
            }
        }
    }

    private static bool IsRecordArray(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0 && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object);

    private static JsonElement Fields(JsonElement item) =>
        item.TryGetProperty("record", out var record) && record.ValueKind == JsonValueKind.Object
            && record.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object
            ? fields
            : item;

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, into);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, prefix + "." + index.ToString(CultureInfo.InvariantCulture), into);
                    index++;
                }
                break;
            case JsonValueKind.String:
                into.TryAdd(prefix, element.GetString()!.Trim());
                break;
            case JsonValueKind.Number:
                into.TryAdd(prefix, element.GetRawText());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                into.TryAdd(prefix, element.GetBoolean() ? "true" : "false");
                break;
        }
    }
}
