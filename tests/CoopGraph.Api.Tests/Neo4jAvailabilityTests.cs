using System.Net;
using System.Text.Json.Nodes;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Tests.Shared;
using Microsoft.AspNetCore.Hosting;

namespace CoopGraph.Api.Tests;

/// <summary>
/// The app on the Neo4j store while Neo4j is down, then back: it starts anyway, answers health and clear errors
/// meanwhile, and becomes ready by itself. "Back" is a local server answering as the Query API does.
/// </summary>
public sealed class Neo4jAvailabilityTests
{
    private sealed class Neo4jAppFactory(int port) : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:Provider", "Neo4j");
            builder.UseSetting("Graph:Neo4j:Uri", $"http://127.0.0.1:{port}");
            builder.UseSetting("Graph:Neo4j:Password", "test-password-1");
            // Neo4j down refuses connections at once; the timeout only guards against a slow test machine.
            builder.UseSetting("Graph:Neo4j:RequestTimeoutSeconds", "15");
            builder.UseSetting("Graph:Neo4j:MaxRetries", "0");
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        }
    }

    private static readonly string VersionStatement = CypherStatement.Load("meta-version").Text;
    private static readonly string CountsStatement = CypherStatement.Load("counts").Text;

    /// <summary>An empty, initialised store: version 0, no nodes; every other statement answers no rows.</summary>
    private static ScriptedResponse EmptyStore(ScriptedRequest request) =>
        request.Statement == VersionStatement ? ScriptedResponse.Accepted("""{"data":{"fields":["version"],"values":[[{"$type":"Integer","_value":"0"}]]}}""")
        : request.Statement == CountsStatement ? ScriptedResponse.Accepted(
            """{"data":{"fields":["nodes","links","version"],"values":[[{"$type":"Integer","_value":"0"},{"$type":"Integer","_value":"0"},{"$type":"Integer","_value":"0"}]]}}""")
        : ScriptedResponse.Empty;

    [Fact]
    public async Task WhileNeo4jIsDown_TheServerAnswersHealthAndClearErrors_ThenRecoversByItself()
    {
        var port = ScriptedNeo4j.FreePort();
        await using var factory = new Neo4jAppFactory(port);
        using var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var notReady = await client.GetAsync("/health/ready");
        using var query = await client.PostRawAsync("""{"query":"{ node(id: \"x\") { id } }"}""", accept: "application/graphql-response+json");
        var queryBody = JsonNode.Parse(await query.Content.ReadAsStringAsync())!;
        using var export = await client.GetAsync("/api/export");
        var exportBody = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;

        await using var neo4j = await ScriptedNeo4j.StartAsync(EmptyStore, port);
        var ready = await Eventually.HoldsAsync(async () =>
        {
            using var probe = await client.GetAsync("/health/ready");
            return probe.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(45), TimeSpan.FromMilliseconds(250));
        var after = await client.PostAsync("{ node(id: \"x\") { id } }");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("SERVICE_UNAVAILABLE", queryBody["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("test-password-1", queryBody.ToJsonString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, export.StatusCode);
        Assert.True(export.Headers.RetryAfter is not null);
        Assert.Equal("SERVICE_UNAVAILABLE", exportBody["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.True(ready, "/health/ready did not answer 200 within 45 s of Neo4j coming back");
        Assert.Null(after["errors"]);
        Assert.Null(after["data"]!["node"]);
        // The schema was created once Neo4j answered: constraints first, each in its own request.
        Assert.Contains(neo4j.Requests, r => r.Statement?.StartsWith("CREATE CONSTRAINT node_id IF NOT EXISTS", StringComparison.Ordinal) == true);
    }
}
