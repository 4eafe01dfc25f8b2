using System.Text.Json;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Tables;

/// <summary>A file opened as a table, and how it was read (format, encoding, sheet) for the report.</summary>
public sealed record OpenedTable(IRecordTable Table, string Format) : IDisposable
{
    public void Dispose() => Table.Dispose();
}

/// <summary>
/// Opens a published file as a table whatever its format, by its extension: CSV (encoding detected, separator from
/// the header), XLSX and XLS (ExcelDataReader), ODS, JSON records. Says which files of a folder are not data.
/// </summary>
public static class TableFiles
{
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".xlsx", ".xls", ".ods", ".json"];

    public static bool IsTableFile(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>
    /// Opens a file, or says why it is left out of an import on purpose: the examples shipped with a schema use
    /// fictitious identifiers (they would write made-up funders and suppliers), and a schema describes files. In one
    /// reading, so that a JSON file is parsed once whether it is then imported or set aside.
    /// </summary>
    public static (OpenedTable? Table, string? LeftOut) OpenOrLeaveOut(string path, Func<IReadOnlyList<string>, bool> isHeader)
    {
        if (LeftOutByName(path) is { } byName)
        {
            return (null, byName);
        }
        if (IsJson(path))
        {
            using var document = ReadJson(path);
            return LeftOutSchema(document.RootElement) is { } schema
                ? (null, schema)
                : (new OpenedTable(JsonRecords.Read(document.RootElement), "JSON"), null);
        }
        return (Open(path, isHeader), null);
    }

    /// <summary>How the manifest that <c>opendata fetch</c> writes beside a file ends: a folder of fetched files holds them.</summary>
    public const string FetchManifestSuffix = ".fetch.json";

    private static string? LeftOutByName(string path)
    {
        if (path.EndsWith(FetchManifestSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return "the manifest of a fetched file (its address, checksum and vintage), not data";
        }
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Contains("example", StringComparison.OrdinalIgnoreCase) || name.Contains("exemple", StringComparison.OrdinalIgnoreCase)
            ? "a format example shipped with a schema (fictitious identifiers), not data"
            : null;
    }

    private static string? LeftOutSchema(JsonElement root) => JsonRecords.IsSchema(root) ? "a schema describing files, not data" : null;

    private static bool IsJson(string path) => Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);

    private static JsonDocument ReadJson(string path)
    {
        using var stream = File.OpenRead(path);
        return ParseJson(stream);
    }

    /// <param name="isHeader">Whether a row of a spreadsheet is a header some connector reads (workbooks may start with titles).</param>
    public static OpenedTable Open(string path, Func<IReadOnlyList<string>, bool> isHeader)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".xlsx" or ".xls":
                var workbook = SheetTable.Open(Read(path, ExcelSheets.Read), isHeader);
                return new OpenedTable(workbook, $"{Path.GetExtension(path).TrimStart('.').ToUpperInvariant()}, sheet '{workbook.SheetName}'");
            case ".ods":
                var ods = SheetTable.Open(Read(path, OdsSheets.Read), isHeader);
                return new OpenedTable(ods, $"ODS, sheet '{ods.SheetName}'");
            case ".json":
                using (var document = ReadJson(path))
                {
                    return new OpenedTable(JsonRecords.Read(document.RootElement), "JSON");
                }
            default:
                var (reader, encoding) = TextEncodings.Open(path);
                try
                {
                    return new OpenedTable(CsvTable.Open(reader), $"CSV, {encoding}");
                }
                catch
                {
                    reader.Dispose();
                    throw;
                }
        }
    }

    private static IReadOnlyList<Sheet> Read(string path, Func<string, IReadOnlyList<Sheet>> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException or NotSupportedException)
        {
            throw new OpenDataFormatException($"Not a readable spreadsheet: {e.Message}");
        }
    }

    private static JsonDocument ParseJson(Stream stream)
    {
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new OpenDataFormatException($"Not valid JSON: {e.Message}");
        }
    }
}
