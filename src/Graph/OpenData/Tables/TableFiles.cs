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
    /// Why a file is left out of an import on purpose, or null when it is data: the examples shipped with a schema use
    /// fictitious identifiers (they would write made-up funders and suppliers), and a schema describes files.
    /// </summary>
    public static string? LeftOutReason(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.Contains("example", StringComparison.OrdinalIgnoreCase) || name.Contains("exemple", StringComparison.OrdinalIgnoreCase))
        {
            return "a format example shipped with a schema (fictitious identifiers), not data";
        }
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (JsonRecords.IsSchema(document.RootElement))
            {
                return "a schema describing files, not data";
            }
        }
        return null;
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
                using (var stream = File.OpenRead(path))
                {
                    using var document = ParseJson(stream);
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
