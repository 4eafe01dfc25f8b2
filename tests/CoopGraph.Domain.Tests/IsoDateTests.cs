using System.Globalization;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1999-11-30")]
    public void ReadsWhatTheGeneralParserReads_AndWritesItBack(string text)
    {
        Assert.True(IsoDate.TryParse(text, out var date));
        Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
        Assert.Equal(text, IsoDate.Format(date));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2024-1-01")]
    [InlineData("2024/01/01")]
    [InlineData(" 2024-01-01")]
    [InlineData("2024-01-01T00:00")]
    [InlineData("２０２４-01-01")]
    [InlineData("")]
    public void RefusesWhatTheGeneralParserRefuses(string text)
    {
        Assert.False(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.False(IsoDate.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IsoDate.Parse(text));
    }
}
