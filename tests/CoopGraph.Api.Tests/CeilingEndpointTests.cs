using System.Net;

namespace CoopGraph.Api.Tests;

/// <summary>
/// The load kit's yardstick is absent from a normal build and off unless configured in the kit's; when on it answers
/// exactly the size asked. The kit runs these with the endpoint compiled in (<c>-p:BenchEndpoints=true</c>).
/// </summary>
public sealed class CeilingEndpointTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    [Fact]
    public async Task Ceiling_IsNotMapped_ByDefault()
    {
        var response = await factory.CreateClient().PostAsync("/bench/ceiling?bytes=100", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

#if BENCH_ENDPOINTS
    [Theory]
    [InlineData(100)]
    [InlineData(5000)]
    public async Task Ceiling_AnswersAJsonBodyOfTheAskedSize_WhenConfigured(int bytes)
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Api:Bench:Ceiling", "true"));

        var response = await configured.CreateClient().PostAsync($"/bench/ceiling?bytes={bytes}", new StringContent("{\"query\":\"{ a }\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, body.Length);
        Assert.Equal("x", (string?)System.Text.Json.Nodes.JsonNode.Parse(body)!["data"]!["ceiling"]!.GetValue<string>()[..1]);
    }
#endif
}
