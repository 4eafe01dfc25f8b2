using System.Globalization;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>Neo4j's temporal texts (Java's ISO formats) read into .NET values.</summary>
internal static class Temporal
{
    /// <summary>
    /// Java writes up to nine fractional digits; .NET keeps seven (100 ns ticks) and refuses more, so the rest is cut.
    /// </summary>
    public static string TrimNanos(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        return end - dot - 1 <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }

    /// <summary>"2024-05-01T10:00:00+02:00", "2024-05-01T08:00Z" or "2024-05-01T10:00:00+02:00[Europe/Paris]".</summary>
    public static object ParseDateTime(string text)
    {
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        var instantText = bracket < 0 ? text : text[..bracket];
        var instant = DateTimeOffset.Parse(TrimNanos(instantText), CultureInfo.InvariantCulture, DateTimeStyles.None);
        return bracket < 0 ? instant : new ZonedDateTime(instant, text[(bracket + 1)..^1]);
    }

    /// <summary>"12:50:35.556+01:00" or "12:50Z".</summary>
    public static OffsetTime ParseOffsetTime(string text)
    {
        var split = text.LastIndexOfAny(['+', '-', 'Z']);
        if (split <= 0)
        {
            throw new Neo4jProtocolException($"'{text}' is not a time with an offset.");
        }
        var offset = text[split] == 'Z' ? TimeSpan.Zero
            : TimeSpan.ParseExact(text[(split + 1)..], "hh\\:mm", CultureInfo.InvariantCulture) * (text[split] == '-' ? -1 : 1);
        return new OffsetTime(TimeOnly.Parse(TrimNanos(text[..split]), CultureInfo.InvariantCulture), offset);
    }
}
