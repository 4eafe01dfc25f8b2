using CoopGraph.Api.Http;

namespace CoopGraph.Api.Tests;

/// <summary>
/// Negotiation answers are kept by header text, and the same whether kept or not; the kept ones are bounded.
/// </summary>
public sealed class MediaTypesTests
{
    [Theory]
    [InlineData("application/graphql-response+json, application/json;q=0.9", MediaTypes.GraphQLResponse)]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.1", MediaTypes.Json)]
    [InlineData("text/html, */*;q=0.1", MediaTypes.Json)]
    [InlineData("text/html", null)]
    [InlineData("application/graphql-response+json;q=0, application/json", MediaTypes.Json)]
    [InlineData("  ", MediaTypes.Json)]
    public void AnAcceptHeader_IsAnsweredAlike_TheFirstTimeAndWhenKept(string accept, string? expected)
    {
        Assert.Equal(expected, MediaTypes.Negotiate(accept));
        Assert.Equal(expected, MediaTypes.Negotiate(accept));
    }

    [Theory]
    [InlineData("application/json", true, false)]
    [InlineData("application/json; charset=utf-8", true, false)]
    [InlineData("application/json; charset=latin1", false, true)]
    [InlineData("text/plain", false, false)]
    public void AContentType_IsAnsweredAlike_TheFirstTimeAndWhenKept(string contentType, bool json, bool unsupportedCharset)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(json, MediaTypes.IsJsonContent(contentType, out var unsupported));
            Assert.Equal(unsupportedCharset, unsupported);
        }
    }

    [Fact]
    public void AFloodOfDistinctHeaders_KeepsABoundedNumber_AndIsStillAnswered()
    {
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(MediaTypes.GraphQLResponse, MediaTypes.Negotiate($"application/graphql-response+json, application/x-made-up-{i}"));
            Assert.False(MediaTypes.IsJsonContent($"application/x-made-up-{i}", out _));
        }
        Assert.InRange(MediaTypes.Kept, 1, 128);
    }
}
