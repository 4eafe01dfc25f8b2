using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>GraphQL over HTTP as the spec asks; the full conformance audit runs from .ci/run against a real port.</summary>
public sealed class HttpTransportTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_AnswersInTheMediaTypeAsked()
    {
        using var graphql = await _client.PostRawAsync("""{"query":"{ __typename }"}""", accept: "application/graphql-response+json");
        using var json = await _client.PostRawAsync("""{"query":"{ __typename }"}""", accept: "application/json");
        using var none = await _client.PostRawAsync("""{"query":"{ __typename }"}""");

        Assert.Equal("application/graphql-response+json", graphql.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", none.Content.Headers.ContentType?.CharSet);
        Assert.Equal("Query", JsonNode.Parse(await none.Content.ReadAsStringAsync())!["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_RunsQueries_ButRefusesMutationsWith405()
    {
        using var query = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ graphStats { nodes } }"));
        using var mutation = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { deleteNodes(ids: [\"auth:region\"]) { ids } }"));

        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
        Assert.Contains("POST", mutation.Content.Headers.Allow);
        var region = await _client.PostAsync("""{ node(id: "auth:region") { id } }""");
        Assert.Equal("auth:region", region["data"]!["node"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"query":"{ __typename }"}""", null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("""{"query":"{ __typename }"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("""{"query": "{ __typename }" """, "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""["not", "an", "object"]""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query": 42}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query": "{ __typename }", "variables": "[]"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"variables": {}}""", "application/json", HttpStatusCode.BadRequest)]
    public async Task MalformedRequests_AreRefusedWithA4xx_AndAClearError(string body, string? contentType, HttpStatusCode expected)
    {
        using var response = await _client.PostRawAsync(body, contentType);

        Assert.Equal(expected, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("BAD_REQUEST", error["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABodyThatArrivesInPieces_IsReadWhole()
    {
        // A query with variables, given a few bytes at a time: the reader reads until the body ends, then parses it.
        var body = System.Text.Encoding.UTF8.GetBytes(
            """{"query":"query Q($id: ID!) { node(id: $id) { id } }","variables":{"id":"auth:region"},"operationName":"Q"}""");
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.ContentType = "application/json";
        http.Request.Body = new TrickleStream(body, 3);
        var serializer = factory.Services.GetRequiredService<global::GraphQL.IGraphQLTextSerializer>();

        var read = await Http.GraphQLRequestReader.ReadPostAsync(http.Request, serializer, 10_000, CancellationToken.None);

        Assert.Null(read.Problem);
        Assert.Equal("query Q($id: ID!) { node(id: $id) { id } }", read.Request!.Query);
        Assert.Equal("Q", read.Request.OperationName);
        Assert.Equal("auth:region", read.Request.Variables!["id"]);
        // Cut short, the same body is not JSON, and says so.
        http.Request.Body = new TrickleStream(body[..40], 3);
        var cut = await Http.GraphQLRequestReader.ReadPostAsync(http.Request, serializer, 10_000, CancellationToken.None);
        Assert.Equal("The request body is not valid JSON.", cut.Problem);
    }

    /// <summary>A body that gives at most <paramref name="step"/> bytes per read, as a slow client sends it.</summary>
    private sealed class TrickleStream(byte[] bytes, int step) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var taken = Math.Min(Math.Min(step, count), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, taken);
            _position += taken;
            return taken;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // Each piece after a pause, so that the reader finds the body unfinished.
            await Task.Yield();
            var taken = Math.Min(Math.Min(step, buffer.Length), bytes.Length - _position);
            bytes.AsMemory(_position, taken).CopyTo(buffer);
            _position += taken;
            return taken;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData("{ actors(", "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ noSuchField }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ actors(filter: { kinds: [DRAGON] }) { totalCount } }", "GRAPHQL_VALIDATION_FAILED")]
    public async Task InvalidDocuments_Are200InJson_And400InGraphQLResponse(string query, string code)
    {
        var body = GraphQLClient.Json(new { query });
        using var json = await _client.PostRawAsync(body, accept: "application/json");
        using var graphql = await _client.PostRawAsync(body, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, graphql.StatusCode);
        var response = JsonNode.Parse(await graphql.Content.ReadAsStringAsync())!;
        Assert.Null(response["data"]);
        Assert.Equal(code, response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task VariablesThatDoNotCoerce_AreBadUserInput()
    {
        var body = GraphQLClient.Json(new { query = "query($first: Int) { actors(first: $first) { totalCount } }", variables = new { first = "many" } });

        using var response = await _client.PostRawAsync(body, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_IsLiveAndReady()
    {
        using var live = await _client.GetAsync("/health/live");
        using var ready = await _client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("store", await ready.Content.ReadAsStringAsync());
    }
}
