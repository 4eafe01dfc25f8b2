using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CoopGraph.Api.Tests;

/// <summary>The explorer and GraphiQL pages as HTTP resources (what the browser tests in CoopGraph.Explorer.Tests build on).</summary>
public sealed partial class ExplorerPagesTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Root_ServesTheExplorer_WithAPolicyThatKeepsItOnThisOrigin()
    {
        var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalUrl(), html);
    }

    [Fact]
    public async Task Bundles_AreServed_AsImmutable()
    {
        var html = await _client.GetStringAsync("/");
        var script = ScriptSource().Match(html);
        Assert.True(script.Success, html);

        var response = await _client.GetAsync(script.Groups["src"].Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    [InlineData("text/html")]
    public async Task Graphql_ServesGraphiQL_ToABrowser(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd(accept);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GraphiQL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", null)]
    [InlineData("application/graphql-response+json, text/html;q=0.5", null)]
    [InlineData("text/html", "?query=%7B__typename%7D")]
    public async Task Graphql_StaysTheApi_ForClientsThatAskForJsonOrSendAQuery(string accept, string? query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + query);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept.Split(',')[0]));
        foreach (var more in accept.Split(',').Skip(1))
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(more.Trim()));
        }

        var response = await _client.SendAsync(request);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("""(src|href)="https?://""")]
    private static partial Regex ExternalUrl();

    [GeneratedRegex("""<script type="module" crossorigin src="(?<src>/assets/[^"]+\.js)">""")]
    private static partial Regex ScriptSource();
}
