using nietras.SeparatedValues;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// A CSV file read with Sep, for the CSV import and the open-data connectors alike: the separator (',' or ';') is detected from the header, quoted fields are
/// unescaped, cells trimmed, a UTF-8 byte-order mark dropped. Columns are found by name, so that their order does not
/// matter and extra columns are ignored. Rows are streamed, never held.
/// </summary>
public sealed class CsvTable : IRecordTable
{
    private readonly SepReader _reader;

    private CsvTable(SepReader reader)
    {
        _reader = reader;
        Columns = reader.Header.ColNames.Select(n => n.TrimStart('\uFEFF').Trim()).ToArray();
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Reads the header only; rows come from <see cref="Records"/>.</summary>
    public static CsvTable Open(TextReader text) =>
        new(Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(text));

    /// <summary>The data rows, numbered from 2 (the header is row 1; a quoted cell may span lines).</summary>
    public IEnumerable<CsvRecord> Records()
    {
        long row = 1;
        foreach (var line in _reader)
        {
            row++;
            var values = new Dictionary<string, string>(Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < Columns.Count && i < line.ColCount; i++)
            {
                values.TryAdd(Columns[i], line[i].ToString());
            }
            string[]? cells = null;
            if (line.ColCount != Columns.Count)
            {
                cells = new string[line.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = line[i].ToString();
                }
            }
            yield return new CsvRecord(row, values, cells);
        }
    }

    public void Dispose() => _reader.Dispose();
}
