using System.Globalization;
using System.Text;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// Amounts, dates and identification numbers as French publishers write them. Each rule below is one seen in a
/// published file; a value that fits none is left unread (and counted by the connector), never guessed.
/// </summary>
internal static class FrenchValues
{
    /// <summary>
    /// An amount in euros: "40 000,00", "26 956,00", "10000.0", "623 000 euros", "3 000" (spaces, no-break spaces
    /// and thin spaces group thousands; a comma is the decimal mark; with both a point and a comma, the point groups).
    /// </summary>
    public static decimal? Amount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || c is ',' or '.' or '-')
            {
                builder.Append(c);
            }
            else if (!(char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F' or '€' || char.IsLetter(c)))
            {
                return null;
            }
        }
        var number = builder.ToString();
        if (number.Contains(',') && number.Contains('.'))
        {
            number = number.Replace(".", "", StringComparison.Ordinal);
        }
        number = number.Replace(',', '.');
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "dd/MM/yyyy", "dd/MM/yy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy"];

    /// <summary>
    /// A date ("2017-12-21", "2017/09/08", "23/10/2017", "23/10/17", a time after it ignored), an Excel serial day
    /// number (workbooks that store dates as numbers), or only a year ("2017": the year, no date).
    /// </summary>
    public static (DateOnly? Date, int? Year) Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        var value = text.Trim();
        var head = value.Split([' ', 'T', '+', '\n', '\r'], 2)[0];
        if (DateOnly.TryParseExact(head, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1950 and <= 2100)
        {
            return (date, date.Year);
        }
        if (head.Length == 4 && int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1950 and <= 2100)
        {
            return (null, year);
        }
        // Excel counts days from 1899-12-30; 18,264 is 1950-01-01 and 73,051 is 2100-01-01.
        if (int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is >= 18_264 and < 73_051)
        {
            var fromSerial = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(serial));
            return (fromSerial, fromSerial.Year);
        }
        return (null, null);
    }

    /// <summary>
    /// The SIREN in a SIRET or SIREN as published: spaces and stray marks dropped ("224 900 019 000 15'"), a float's
    /// ".0" dropped ("21860194600000.0": the first nine digits are right), an eight-digit SIREN given back its leading
    /// zero (spreadsheets drop it). Null when no nine digits remain.
    /// </summary>
    public static string? Siren(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = text.Trim();
        if (value.EndsWith(".0", StringComparison.Ordinal))
        {
            value = value[..^2];
        }
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != value.Count(c => !(char.IsWhiteSpace(c) || c is '\'' or '.' or '-' or '\u00A0')))
        {
            return null;
        }
        return digits.Length switch
        {
            8 => "0" + digits,
            9 or 14 => digits[..9],
            13 => "0" + digits[..8],
            _ => null,
        };
    }

    /// <summary>The last year a file name holds ("…_2008_2018.csv": 2018; "plf2012_…_2010.csv": 2010), the data's year where publishers name files by it.</summary>
    public static string? LastYearOf(string fileName) =>
        System.Text.RegularExpressions.Regex.Matches(fileName, @"(19|20)\d\d") is { Count: > 0 } matches ? matches[^1].Value : null;

    /// <summary>A column name folded for matching: lower case, no accents, letters and digits only ("N° SIRET attributaire" → "nsiretattributaire").</summary>
    public static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            foreach (var folded in Diacritics.Fold(char.ToLowerInvariant(c)))
            {
                if (char.IsAsciiLetterOrDigit(folded))
                {
                    builder.Append(folded);
                }
            }
        }
        return builder.ToString();
    }
}
