using ExcelDataReader;

namespace CoopGraph.Graph.OpenData.Tables;

/// <summary>The sheets of an XLSX or XLS (BIFF8) workbook, read with ExcelDataReader.</summary>
public static class ExcelSheets
{
    public static IReadOnlyList<Sheet> Read(string path)
    {
        // Old XLS files name their text encoding by code page.
        TextEncodings.EnsureCodePages();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<Sheet>();
        do
        {
            var rows = new List<SheetRow>();
            long number = 0;
            while (reader.Read())
            {
                number++;
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = CellText.Of(reader.GetValue(i));
                }
                if (cells.Any(c => c.Length > 0))
                {
                    rows.Add(new SheetRow(number, cells));
                }
            }
            sheets.Add(new Sheet(reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }
}
