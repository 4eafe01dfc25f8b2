using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CoopGraph.Api.Tests;

/// <summary>Documents meant to hurt: each gets a clear refusal (or a harmless answer), and the server keeps answering.</summary>
public sealed class HostileQueryTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string Nested(int depth) =>
        "{ actors(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("links(first: 1) { nodes { source { ... on Actor { ", depth))
        + "id" + string.Concat(Enumerable.Repeat(" } } } }", depth)) + " } } }";

    public static TheoryData<string, string, string> Documents => new()
    {
        { "deep nesting", Nested(8), "QUERY_TOO_COMPLEX" },
        { "nesting past the parser's limit", new string('{', 30_000) + new string('}', 30_000), "QUERY_TOO_COMPLEX" },
        { "thousands of aliases", "{ " + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"a{i}: graphStats {{ nodes }} ")) + "}", "QUERY_TOO_COMPLEX" },
        { "too many fragments", "{ ...F0 } " + string.Concat(Enumerable.Range(0, 60).Select(i => $"fragment F{i} on Query {{ {(i < 59 ? $"...F{i + 1}" : "graphStats { nodes }")} }} ")), "QUERY_TOO_COMPLEX" },
        { "fragment cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", "GRAPHQL_VALIDATION_FAILED" },
        { "huge first", "{ actors(first: 1000000) { totalCount } }", "QUERY_TOO_COMPLEX" },
        { "multiplying lists", "{ actors(first: 100) { nodes { links(first: 100) { nodes { source { ... on Actor { links(first: 100) { totalCount } } } } } } } }", "QUERY_TOO_COMPLEX" },
        { "introspection nesting fields in fields", "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }", "QUERY_TOO_COMPLEX" },
        { "over-long query", "{ graphStats { nodes } }" + new string(' ', 100_001), "QUERY_TOO_COMPLEX" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task HostileDocument_IsRefusedWithACode_AndTheServerStaysUp(string name, string query, string code)
    {
        using var response = await _client.PostRawAsync(GraphQLClient.Json(new { query }), accept: "application/graphql-response+json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
        Assert.Equal(code, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
        await AssertStillAnswers();
    }

    [Fact]
    public async Task HugeVariables_AreRefusedBeforeTheyAreRead()
    {
        var variables = new { text = new string('x', 5 * 1024 * 1024) };

        using var response = await _client.PostRawAsync(GraphQLClient.Json(new { query = "query($text: String!) { search(text: $text) { id } }", variables }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BAD_REQUEST", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        await AssertStillAnswers();
    }

    [Fact]
    public async Task InvalidUtf8_IsABadRequest()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"query\":\"{ search(text: \\\"").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\\\") { id } }\"}")).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillAnswers();
    }

    [Theory]
    [InlineData("\"; DROP TABLE nodes; --")]
    [InlineData("' OR 1=1 --")]
    [InlineData("name:* OR NEAR(a b)")]
    [InlineData("%_\\")]
    public async Task InjectionStringsInFilters_AreJustText(string text)
    {
        var response = await _client.PostAsync(
            "query($text: String!, $id: ID!) { actors(filter: { text: $text }) { totalCount } search(text: $text) { id } links(filter: { nodeId: $id }) { totalCount } }",
            new { text, id = text });

        Assert.Null(response["errors"]);
        Assert.Equal(0, response["data"]!["actors"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, response["data"]!["links"]!["totalCount"]!.GetValue<int>());
        await AssertStillAnswers();
    }

    [Fact]
    public async Task ARealisticQuery_IsWithinTheLimits()
    {
        var response = await _client.PostAsync("""
            { actors(first: 100) { nodes { id themes { id } links(first: 20) { nodes { source { id } target { id } } } } } }
            """);

        Assert.Null(response["errors"]);
    }

    /// <summary>The introspection that GraphiQL, graphql-js and code generators send (the full type references included).</summary>
    [Fact]
    public async Task TheStandardIntrospectionQuery_IsWithinTheLimits()
    {
        const string typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }";
        const string inputValue = "name description type { " + typeRef + " } defaultValue";
        var query = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } " +
            "types { kind name description " +
            "fields(includeDeprecated: true) { name description args { " + inputValue + " } type { " + typeRef + " } isDeprecated deprecationReason } " +
            "inputFields { " + inputValue + " } interfaces { " + typeRef + " } " +
            "enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { " + typeRef + " } } " +
            "directives { name description locations args { " + inputValue + " } } } }";

        var response = await _client.PostAsync(query);

        Assert.Null(response["errors"]);
        Assert.Contains(response["data"]!["__schema"]!["types"]!.AsArray(), t => (string?)t!["name"] == "TransversalityReport");
    }

    private async Task AssertStillAnswers()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await _client.PostRawAsync("""{"query":"{ graphStats { nodes } actor(id: \"svc:city-ccas\") { name } }"}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!;
        Assert.True(body["data"]!["graphStats"]!["nodes"]!.GetValue<long>() > 100);
        Assert.Equal("Centre communal d'action sociale", body["data"]!["actor"]!["name"]!.GetValue<string>());
    }
}
