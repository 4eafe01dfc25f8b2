namespace CoopGraph.Graph.Interchange;

/// <summary>Rows by column name, whatever the file they come from (CSV, a spreadsheet's sheet, JSON records).</summary>
public interface IRecordTable : IDisposable
{
    IReadOnlyList<string> Columns { get; }

    IEnumerable<CsvRecord> Records();
}
