namespace CoopGraph.Domain.Model;

/// <summary>
/// Calendar days written yyyy-MM-dd, as the API, the import format and the store all write them. Read by hand: the
/// general date parser behind <c>DateOnly.TryParseExact</c> costs an import more than the rest of a line's reading.
/// </summary>
public static class IsoDate
{
    /// <summary>Reads exactly yyyy-MM-dd (four-digit year, two-digit month and day) of a day that exists.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..], out var day))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date written yyyy-MM-dd.");

    /// <summary>yyyy-MM-dd.</summary>
    public static string Format(DateOnly date) => date.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
