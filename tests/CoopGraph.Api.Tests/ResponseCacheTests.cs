using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Api.GraphQL.Responses;
using CoopGraph.Api.Tests.Privacy;
using CoopGraph.Graph.Surveys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>
/// Entity reads answered again from the response cache: the same bytes for the same request at the same store
/// version and viewer, never an answer of an older version, never another viewer's, and within a bounded memory.
/// </summary>
public sealed class ResponseCacheTests(ResponseCacheTests.Factory factory) : IClassFixture<ResponseCacheTests.Factory>
{
    private const long MaxBytes = 40_000;
    private const string ActorPage =
        "query($id: ID!) { actor(id: $id) { id name links(first: 10) { totalCount edges { node { id type source { id } target { id } } } } } }";

    [Fact]
    public async Task TheSameRead_IsAnsweredAgainFromTheCache_WithTheSameBytes()
    {
        using var client = factory.CreateClient();
        var variables = new { id = "svc:city-ccas" };

        var (first, firstCache) = await PostAsync(client, ActorPage, variables);
        var (second, secondCache) = await PostAsync(client, ActorPage, variables);

        Assert.Equal("miss", firstCache);
        Assert.Equal("hit", secondCache);
        Assert.Equal(first, second);
        Assert.Contains("Centre communal", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrite_IsSeenByTheNextRead_NotTheAnswerKeptBeforeIt()
    {
        using var client = factory.CreateClient();
        const string Query = "query($id: ID!) { actor(id: $id) { name } }";
        var variables = new { id = "test:cached-then-renamed" };
        await WriteAsync(client, "Avant");
        Assert.Equal("Avant", Name(await PostAsync(client, Query, variables)));
        Assert.Equal("hit", (await PostAsync(client, Query, variables)).Cache);

        await WriteAsync(client, "Après");
        var after = await PostAsync(client, Query, variables);

        Assert.Equal("Après", Name(after));
        Assert.Equal("miss", after.Cache);

        static string Name((string Body, string? Cache) answer) => JsonNode.Parse(answer.Body)!["data"]!["actor"]!["name"]!.GetValue<string>();
    }

    [Fact]
    public async Task AnAnswerWithErrors_OrAnAnalysis_IsNeverKept()
    {
        using var client = factory.CreateClient();
        const string Invalid = "{ actors(first: -1) { totalCount } }";
        const string Analysis = """{ transversality(authorityId: "auth:city-sa") { serviceLinks } }""";

        foreach (var query in new[] { Invalid, Invalid, Analysis, Analysis })
        {
            Assert.Null((await PostAsync(client, query, null)).Cache);
        }
    }

    [Fact]
    public async Task AFloodOfDistinctReads_StaysWithinTheBudget_AndTheRecentOnesStayKept()
    {
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResponseCache>();
        const string Query = "query($text: String!) { search(text: $text, first: 10) { id ... on Actor { name } } }";

        for (var i = 0; i < 300; i++)
        {
            // Distinct variables each time; unknown words answer small bodies, known ones larger.
            var (_, kept) = await PostAsync(client, Query, new { text = i % 3 == 0 ? $"Centre {i}" : $"mot{i}" });
            Assert.Equal("miss", kept);
            Assert.InRange(cache.Bytes, 0, MaxBytes);
        }
        Assert.Equal("hit", (await PostAsync(client, Query, new { text = "mot299" })).Cache);
        Assert.True(cache.Count > 20, $"Eviction dropped too much: {cache.Count} answers left.");
    }

    [Fact]
    public void AResolverThatReadsBesideTheGraph_MarksTheAnswerAsNotTheVersionsAlone()
    {
        using var scope = factory.Services.CreateScope();
        var graphOnly = new WatchedServices(scope.ServiceProvider);
        var surveys = new WatchedServices(scope.ServiceProvider);

        Assert.NotNull(graphOnly.GetService(typeof(RequestLoaders)));
        Assert.NotNull(graphOnly.GetService(typeof(RequestReader)));
        Assert.NotNull(surveys.GetService(typeof(ISurveyStore)));

        Assert.False(graphOnly.ReadElsewhere);
        Assert.True(surveys.ReadElsewhere);
    }

    private static async Task WriteAsync(HttpClient client, string name)
    {
        var answer = await client.PostAsync(
            "mutation($input: [ActorInput!]!) { upsertActors(input: $input) { ids errors { code } } }",
            new { input = new[] { new { id = "test:cached-then-renamed", kind = "SSE_ACTOR", name, legalForm = "ASSOCIATION" } } });
        Assert.Null(answer["errors"]);
        Assert.Empty(answer["data"]!["upsertActors"]!["errors"]!.AsArray());
    }

    private static async Task<(string Body, string? Cache)> PostAsync(HttpClient client, string query, object? variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (body, response.Headers.TryGetValues("X-CoopGraph-Cache", out var values) ? values.Single() : null);
    }

    public sealed class Factory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:ResponseCache:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
            builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        }
    }
}

/// <summary>Kept answers are per viewer: an authority's private data, once asked by its key, is not what anyone else gets.</summary>
public sealed class ResponseCachePrivacyTests(PrivateDataFactory factory) : IClassFixture<PrivateDataFactory>
{
    [Fact]
    public async Task AnAnswerKeptForAnAuthoritysKey_IsNotGivenToOtherViewers()
    {
        const string Query = "query($id: ID!) { node(id: $id) { id ... on Actor { name } } }";
        var variables = new { id = PrivateDataFactory.PrivateIdsOfA[0] };
        using var a = factory.ClientWith(factory.KeyOfA);
        using var b = factory.ClientWith(factory.KeyOfB);
        using var anonymous = factory.ClientWith(null);

        var ofA = await a.PostAsync(Query, variables);
        var ofAAgain = await a.PostAsync(Query, variables);
        var ofB = await b.PostAsync(Query, variables);
        var ofAnonymous = await anonymous.PostAsync(Query, variables);

        Assert.Equal(PrivateDataFactory.PrivateNamesOfA[0], ofA["data"]!["node"]!["name"]!.GetValue<string>());
        Assert.Equal(ofA.ToJsonString(), ofAAgain.ToJsonString());
        Assert.Null(ofB["data"]!["node"]);
        Assert.Null(ofAnonymous["data"]!["node"]);
    }
}
