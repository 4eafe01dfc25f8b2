namespace CoopGraph.Graph.Interchange;

/// <summary>
/// One data row of a table by column name; <see cref="Row"/> is the file's row number (a CSV's header being row 1), or
/// a JSON record's position.
/// </summary>
/// <param name="cells">The row's cells in order, kept only when their count differs from the header's (a malformed row a source may repair).</param>
public sealed class CsvRecord(long row, IReadOnlyDictionary<string, string> values, IReadOnlyList<string>? cells = null)
{
    public long Row { get; } = row;

    /// <summary>The cells in order when the row has more or fewer than the header, else null.</summary>
    public IReadOnlyList<string>? MisalignedCells { get; } = cells;

    /// <summary>A row with no value in any cell (a blank line).</summary>
    public bool IsBlank => values.Values.All(string.IsNullOrWhiteSpace);

    /// <summary>The trimmed value, or null when the cell is empty or the column absent (optional columns).</summary>
    public string? this[string column] => values.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    public long? Long(string column) =>
        long.TryParse(this[column], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A date given as yyyy-MM-dd (possibly followed by a time), or null.</summary>
    public string? Date(string column) =>
        this[column] is { Length: >= 10 } text && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", out _) ? text[..10] : null;
}
