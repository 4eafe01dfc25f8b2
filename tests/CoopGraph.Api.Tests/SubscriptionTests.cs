using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace CoopGraph.Api.Tests;

/// <summary>
/// graphChanged over Server-Sent Events (GraphQL over SSE, distinct connections): a client reading the event stream over
/// HTTP gets a <c>next</c> event for each write it follows, comments while nothing happens, and the limits hold.
/// </summary>
public sealed class SubscriptionTests
{
    private sealed class StreamApp(int perKey = 4, int idleSeconds = 1800) : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
            builder.UseSetting("Api:Streams:PerKey", perKey.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:Streams:IdleTimeoutSeconds", idleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:Streams:KeepAliveSeconds", "1");
        }
    }

    /// <summary>One server-sent event: its name (empty for a comment) and its data.</summary>
    private sealed record SseEvent(string Name, string Data);

    /// <summary>A client of the stream: reads events as the server writes them.</summary>
    private sealed class SseClient : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private SseClient(HttpResponseMessage response, Stream body)
        {
            _response = response;
            _reader = new StreamReader(body, Encoding.UTF8);
        }

        public HttpResponseMessage Response => _response;

        public static async Task<SseClient> OpenAsync(HttpClient client, string query, object? variables = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/stream")
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("text/event-stream");
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return new SseClient(response, await response.Content.ReadAsStreamAsync());
        }

        /// <summary>The next event, comments included (as name ":"); null when the stream ended.</summary>
        public async Task<SseEvent?> NextAsync(TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            string? name = null;
            var data = new StringBuilder();
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (name is not null || data.Length > 0)
                    {
                        return new SseEvent(name ?? "message", data.ToString());
                    }
                    continue;
                }
                if (line.StartsWith(':'))
                {
                    name = ":";
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line["data:".Length..].TrimStart());
                }
            }
            return null;
        }

        /// <summary>The next event that is not a comment.</summary>
        public async Task<SseEvent?> NextEventAsync(TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            while (DateTime.UtcNow < deadline)
            {
                var next = await NextAsync(deadline - DateTime.UtcNow);
                if (next is null || next.Name != ":")
                {
                    return next;
                }
            }
            return null;
        }

        public async ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            await Task.CompletedTask;
        }
    }

    private const string FollowActors = "subscription { graphChanged(kinds: [SSE_ACTOR]) { version changes { op id nodeKind linkType } } }";

    private static async Task<JsonNode> UpsertActorAsync(HttpClient client, string id, string name) =>
        await client.PostAsync("mutation($input: [ActorInput!]!) { upsertActors(input: $input) { errors { message } } }",
            new { input = new[] { new { id, kind = "SSE_ACTOR", name, legalForm = "ASSOCIATION" } } });

    [Fact]
    public async Task AWriteOfWhatIsFollowed_ArrivesAsANextEvent_AndOthersDoNot()
    {
        await using var app = new StreamApp();
        var client = app.CreateClient();
        await using var stream = await SseClient.OpenAsync(client, FollowActors);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        // A comment first: the stream is open and quiet (keep-alive every second here).
        Assert.Equal(":", (await stream.NextAsync(TimeSpan.FromSeconds(10)))?.Name);

        await client.PostAsync("mutation { upsertThemes(input: [{ id: \"theme:sse-only\", name: \"Suivi en direct\", domain: CULTURE }]) { errors { message } } }");
        await UpsertActorAsync(client, "sse:live", "Association en direct");
        var next = await stream.NextEventAsync(TimeSpan.FromSeconds(20));

        Assert.NotNull(next);
        Assert.Equal("next", next.Name);
        var payload = JsonNode.Parse(next.Data)!;
        Assert.Null(payload["errors"]);
        var changes = payload["data"]!["graphChanged"]!["changes"]!.AsArray();
        Assert.Contains(changes, c => c!["id"]!.GetValue<string>() == "sse:live" && c["op"]!.GetValue<string>() == "UPSERT");
        Assert.All(changes, c => Assert.Equal("SSE_ACTOR", c!["nodeKind"]!.GetValue<string>()));
        Assert.True(payload["data"]!["graphChanged"]!["version"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task AStreamWithoutEvents_IsCompletedAfterItsIdleTimeout()
    {
        await using var app = new StreamApp(idleSeconds: 2);
        await using var stream = await SseClient.OpenAsync(app.CreateClient(), FollowActors);

        var last = await stream.NextEventAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("complete", last?.Name);
        Assert.Null(await stream.NextAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task OneStreamMoreThanTheKeysLimit_IsRefused_AndSubscriptionsElsewhereToo()
    {
        await using var app = new StreamApp(perKey: 2);
        var client = app.CreateClient();
        await using var first = await SseClient.OpenAsync(client, FollowActors);
        await using var second = await SseClient.OpenAsync(client, FollowActors);
        await using var third = await SseClient.OpenAsync(client, FollowActors);
        using var overGraphQL = await client.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(new { query = FollowActors }));
        var plainAccept = new HttpRequestMessage(HttpMethod.Post, "/graphql/stream") { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = FollowActors }), Encoding.UTF8, "application/json") };
        using var notAnEventStream = await client.SendAsync(plainAccept);
        await using var query = await SseClient.OpenAsync(client, "{ graphStats { nodes } }");

        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Response.StatusCode);
        Assert.Contains("Api:Streams:PerKey", await third.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overGraphQL.StatusCode);
        Assert.Contains("/graphql/stream", await overGraphQL.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotAcceptable, notAnEventStream.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, query.Response.StatusCode);
    }
}
