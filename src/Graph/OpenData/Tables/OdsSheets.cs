using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CoopGraph.Graph.OpenData.Tables;

/// <summary>
/// The sheets of an OpenDocument spreadsheet (ODS): the <c>content.xml</c> part of the archive, read as a stream.
/// Repeated rows and cells (how ODS writes runs of equal cells, and the million empty rows below the data) are expanded
/// only when they hold something, so that a sheet costs what its data does.
/// </summary>
public static class OdsSheets
{
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /// <summary>More cells than any published table has: a repeat beyond it is formatting, not data.</summary>
    private const int MaxColumns = 1024;

    public static IReadOnlyList<Sheet> Read(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var content = archive.GetEntry("content.xml") ?? throw new OpenDataFormatException("Not an OpenDocument spreadsheet: no content.xml.");
        using var stream = content.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit });
        var sheets = new List<Sheet>();
        List<SheetRow>? rows = null;
        string? name = null;
        long number = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == TableNs)
            {
                switch (xml.LocalName)
                {
                    case "table":
                        name = xml.GetAttribute("name", TableNs) ?? $"Sheet{sheets.Count + 1}";
                        rows = [];
                        number = 0;
                        break;
                    case "table-row" when rows is not null:
                        var repeat = Repeat(xml, "number-rows-repeated");
                        var cells = ReadRow(xml);
                        if (cells.Any(c => c.Length > 0))
                        {
                            for (var i = 0; i < repeat; i++)
                            {
                                rows.Add(new SheetRow(number + i + 1, cells));
                            }
                        }
                        number += repeat;
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == TableNs && xml.LocalName == "table" && rows is not null)
            {
                sheets.Add(new Sheet(name!, rows));
                rows = null;
            }
        }
        return sheets;
    }

    private static string[] ReadRow(XmlReader xml)
    {
        var cells = new List<string>();
        if (xml.IsEmptyElement)
        {
            return [];
        }
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != TableNs || xml.LocalName is not ("table-cell" or "covered-table-cell"))
            {
                continue;
            }
            var repeat = Repeat(xml, "number-columns-repeated");
            var value = CellValue(xml);
            var times = value.Length > 0 ? repeat : Math.Min(repeat, Math.Max(0, MaxColumns - cells.Count));
            for (var i = 0; i < times; i++)
            {
                cells.Add(value);
            }
        }
        var last = cells.FindLastIndex(c => c.Length > 0);
        return cells.Take(last + 1).ToArray();
    }

    /// <summary>A cell's value: its typed value when it has one (numbers and dates as written by a CSV export), else its text.</summary>
    private static string CellValue(XmlReader xml)
    {
        var type = xml.GetAttribute("value-type", OfficeNs);
        var typed = type switch
        {
            "float" or "currency" or "percentage" => Number(xml.GetAttribute("value", OfficeNs)),
            "date" => Date(xml.GetAttribute("date-value", OfficeNs)),
            "boolean" => xml.GetAttribute("boolean-value", OfficeNs),
            _ => null,
        };
        var text = Text(xml);
        return typed ?? text;
    }

    private static string? Date(string? value) =>
        value is { Length: > 10 } && value.EndsWith("T00:00:00", StringComparison.Ordinal) ? value[..10] : value;

    private static string? Number(string? value) =>
        value is not null && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? CellText.Of(number)
            : value;

    /// <summary>The text of a cell's paragraphs, one line each, with ODS's encoded spaces, tabs and line breaks.</summary>
    private static string Text(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }
        var text = new StringBuilder();
        var depth = xml.Depth;
        var paragraphs = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "p":
                    if (paragraphs++ > 0)
                    {
                        text.Append('\n');
                    }
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "s":
                    text.Append(' ', int.TryParse(xml.GetAttribute("c", TextNs), out var count) ? count : 1);
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "tab":
                    text.Append('\t');
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "line-break":
                    text.Append('\n');
                    break;
                // Text directly under the cell is the document's indentation; a paragraph's text is one level deeper or more.
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when xml.Depth > depth + 1:
                    text.Append(xml.Value);
                    break;
            }
        }
        return text.ToString();
    }

    private static int Repeat(XmlReader xml, string attribute) =>
        int.TryParse(xml.GetAttribute(attribute, TableNs), out var repeat) && repeat > 0 ? repeat : 1;
}
