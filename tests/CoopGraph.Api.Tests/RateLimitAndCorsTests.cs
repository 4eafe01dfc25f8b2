using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace CoopGraph.Api.Tests;

public sealed class RateLimitAndCorsTests(RateLimitAndCorsTests.TightFactory factory) : IClassFixture<RateLimitAndCorsTests.TightFactory>
{
    [Fact]
    public async Task PastTheLimit_RequestsGet429_WithRetryAfter_AndHealthStaysOpen()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostRawAsync("""{"query":"{ graphStats { nodes } }"}""");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }
        using var health = await client.GetAsync("/health/live");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("RATE_LIMITED", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("https://observatoire.example", true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Cors_AllowsOnlyTheConfiguredOrigins(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");

        using var response = await factory.CreateClient().SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }

    public sealed class TightFactory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "3");
            builder.UseSetting("Api:Cors:Origins:0", "https://observatoire.example");
        }
    }
}

/// <summary>GET guarded by GraphQL-Require-Preflight, in an instance of its own (the one above has a tiny rate limit).</summary>
public sealed class PreflightTests(PreflightTests.PreflightFactory factory) : IClassFixture<PreflightTests.PreflightFactory>
{
    [Fact]
    public async Task GetWithoutThePreflightHeader_IsRefused_WhenConfigured()
    {
        var client = factory.CreateClient();
        using var plain = await client.GetAsync("/graphql?query=%7B__typename%7D");
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        withHeader.Headers.Add("GraphQL-Require-Preflight", "1");

        using var allowed = await client.SendAsync(withHeader);

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("GraphQL-Require-Preflight", await plain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    public sealed class PreflightFactory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Api:RequirePreflightOnGet", "true");
        }
    }
}
