using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Tables;

/// <summary>One sheet of a workbook as published: its name and its non-empty rows of cells as text.</summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetRow> Rows);

/// <summary>A row and its number in the sheet (from 1), as the spreadsheet shows it.</summary>
public sealed record SheetRow(long Number, string[] Cells);

/// <summary>
/// A spreadsheet read as a table. Published workbooks do not always start with their header: a title line, a group
/// row above the labels (Aube), a data dictionary on the first sheet (ANCT). The header is the first row, among the
/// first rows of each sheet in order, that a connector recognises; without one, the first non-empty row of the first
/// sheet. Rows below it are the data, numbered as the spreadsheet numbers them.
/// </summary>
public sealed class SheetTable : IRecordTable
{
    /// <summary>How far down a sheet a header is looked for.</summary>
    private const int HeaderSearchRows = 20;

    private readonly IReadOnlyList<SheetRow> _rows;
    private readonly int _headerIndex;

    private SheetTable(string sheetName, IReadOnlyList<SheetRow> rows, int headerIndex)
    {
        SheetName = sheetName;
        _rows = rows;
        _headerIndex = headerIndex;
        Columns = rows[headerIndex].Cells.Select(c => c.Trim()).ToArray();
    }

    public string SheetName { get; }

    public IReadOnlyList<string> Columns { get; }

    public static SheetTable Open(IReadOnlyList<Sheet> sheets, Func<IReadOnlyList<string>, bool> isHeader)
    {
        foreach (var sheet in sheets)
        {
            for (var i = 0; i < Math.Min(HeaderSearchRows, sheet.Rows.Count); i++)
            {
                if (!IsEmpty(sheet.Rows[i].Cells) && isHeader(sheet.Rows[i].Cells.Select(c => c.Trim()).ToArray()))
                {
                    return new SheetTable(sheet.Name, sheet.Rows, i);
                }
            }
        }
        foreach (var sheet in sheets)
        {
            for (var i = 0; i < sheet.Rows.Count; i++)
            {
                if (!IsEmpty(sheet.Rows[i].Cells))
                {
                    return new SheetTable(sheet.Name, sheet.Rows, i);
                }
            }
        }
        throw new OpenDataFormatException("The workbook has no rows.");
    }

    public IEnumerable<CsvRecord> Records()
    {
        for (var i = _headerIndex + 1; i < _rows.Count; i++)
        {
            var cells = _rows[i].Cells;
            if (IsEmpty(cells))
            {
                continue;
            }
            var values = new Dictionary<string, string>(Columns.Count, StringComparer.Ordinal);
            for (var c = 0; c < Columns.Count && c < cells.Length; c++)
            {
                if (Columns[c].Length > 0)
                {
                    values.TryAdd(Columns[c], cells[c].Trim());
                }
            }
            yield return new CsvRecord(_rows[i].Number, values);
        }
    }

    public void Dispose()
    {
    }

    private static bool IsEmpty(string[] cells) => cells.All(string.IsNullOrWhiteSpace);
}
