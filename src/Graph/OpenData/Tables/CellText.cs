using System.Globalization;

namespace CoopGraph.Graph.OpenData.Tables;

/// <summary>A spreadsheet cell's typed value as the text a connector reads, the way a CSV export would write it.</summary>
internal static class CellText
{
    public static string Of(object? value) => value switch
    {
        null => "",
        string text => text,
        // Whole numbers without ".0": SIRETs and years are stored as numbers in published workbooks.
        double number when Math.Abs(number) < 1e15 && number == Math.Floor(number) => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
