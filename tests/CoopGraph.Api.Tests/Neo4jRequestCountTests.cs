using CoopGraph.Graph.Projections;
using CoopGraph.Graph.ReadModel;
using CoopGraph.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>
/// What a GraphQL operation costs in Query API requests on the Neo4j store, counted by a scripted Neo4j: once the read
/// model holds the store's version, a read is one request (the version) plus the full-text search when it searches;
/// without the read model, each store call is one request. A read answered again from the response cache is one
/// request (the version); the first time, a kept answer costs one more version read, after it ran.
/// </summary>
public sealed class Neo4jRequestCountTests
{
    private const string ActorPage = "query($id: ID!) { actor(id: $id) { id name kind links(first: 10) { totalCount edges { node { id type "
        + "source { id ... on Actor { name } } target { id ... on Actor { name } } } } } } }";

    private const string ActorsPage = "query($f: ActorFilter) { actors(filter: $f, first: 20) { totalCount nodes { id name kind } pageInfo { endCursor hasNextPage } } }";

    private static readonly (string Name, string Query, object? Variables)[] Operations =
    [
        ("actor page", ActorPage, new { id = "sse:3" }),
        ("actors by territory", ActorsPage, new { f = new { territoryCode = "T1" } }),
        ("actors by kind", ActorsPage, new { f = new { kinds = new[] { "SSE_ACTOR" } } }),
        ("links", "{ links(first: 20) { totalCount edges { node { id type } } } }", null),
        ("node", "query($id: ID!) { node(id: $id) { id ... on Actor { name kind } } }", new { id = "sse:7" }),
        ("search", "query($text: String!) { search(text: $text, first: 10) { id ... on Actor { name kind } } }", new { text = "acteur" }),
    ];

    private sealed class Neo4jApp(Uri neo4j, bool readModel, bool responseCache) : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:Provider", "Neo4j");
            builder.UseSetting("Graph:Neo4j:Uri", neo4j.ToString());
            builder.UseSetting("Graph:Neo4j:Password", "test-password-3");
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Graph:ReadModelMaxElements", readModel ? "1000000" : "0");
            builder.UseSetting("Graph:ReadModelMaxWaitMilliseconds", "30000");
            if (!responseCache)
            {
                builder.UseSetting("Api:ResponseCache:MaxBytes", "0");
            }
        }
    }

    /// <summary>The requests of each operation, by its name; run a second time, by its name and " again".</summary>
    private static async Task<Dictionary<string, List<string?>>> CountAsync(bool readModel, bool responseCache = false)
    {
        var graph = ScriptedGraph.Sample(30);
        await using var neo4j = await ScriptedNeo4j.StartAsync(graph.Respond);
        await using var app = new Neo4jApp(neo4j.Uri, readModel, responseCache);
        using var client = app.CreateClient();
        // The warm-up builds the projection (and the read model) from exports first: their requests are not counted.
        var projections = app.Services.GetRequiredService<ProjectionProvider>();
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(projections.Current is not null), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50)));
        if (readModel)
        {
            await client.PostAsync("{ node(id: \"sse:1\") { id } }");
            Assert.Equal(graph.Nodes.Count, app.Services.GetRequiredService<ReadModelProvider>().Current?.NodeCount);
        }
        var counts = new Dictionary<string, List<string?>>();
        foreach (var (name, query, variables) in Operations)
        {
            foreach (var run in new[] { name, name + " again" })
            {
                neo4j.Requests.Clear();
                var answer = await client.PostAsync(query, variables);
                Assert.True(answer["errors"] is null, $"{run}: {answer.ToJsonString()}");
                counts[run] = neo4j.Requests.Select(ScriptedGraph.NameOf).ToList();
            }
        }
        return counts;
    }

    [Fact]
    public async Task WithTheReadModel_AReadIsOneRequest_ASearchTwo()
    {
        var counts = await CountAsync(readModel: true);

        Assert.Equal(["meta-version"], counts["actor page"]);
        Assert.Equal(["meta-version"], counts["actors by territory"]);
        Assert.Equal(["meta-version"], counts["actors by kind"]);
        Assert.Equal(["meta-version"], counts["links"]);
        Assert.Equal(["meta-version"], counts["node"]);
        Assert.Equal(["meta-version", "search"], counts["search"]);
    }

    [Fact]
    public async Task WithoutTheReadModel_EachStoreCallIsOneRequest()
    {
        var counts = await CountAsync(readModel: false);

        // The actor, then its links with their totals, then the links' other ends: three store calls.
        Assert.Equal(["nodes-get", "links-of-nodes", "nodes-get"], counts["actor page"]);
        // By territory, the projection of the store's version (one version read) picks the page, then its nodes are read.
        Assert.Equal(["meta-version", "nodes-get"], counts["actors by territory"]);
        Assert.Equal(["nodes-list"], counts["actors by kind"]);
        Assert.Equal(["links-list"], counts["links"]);
        Assert.Equal(["nodes-get"], counts["node"]);
        Assert.Equal(["search"], counts["search"]);
    }

    [Fact]
    public async Task WithTheResponseCache_AReadAskedAgainIsOneRequest()
    {
        var counts = await CountAsync(readModel: true, responseCache: true);

        foreach (var (name, _, _) in Operations)
        {
            Assert.Equal(["meta-version"], counts[name + " again"]);
        }
        Assert.Equal(["meta-version", "meta-version"], counts["actor page"]);
        Assert.Equal(["meta-version", "search", "meta-version"], counts["search"]);
    }

    [Fact]
    public async Task WithoutTheReadModel_TheResponseCacheAnswersAgainWithoutTheStoreCalls()
    {
        var counts = await CountAsync(readModel: false, responseCache: true);

        Assert.Equal(["meta-version", "nodes-get", "links-of-nodes", "nodes-get", "meta-version"], counts["actor page"]);
        Assert.Equal(["meta-version"], counts["actor page again"]);
        // A page by territory is picked by the projection: kept, since the projection is of the version the request read.
        Assert.Equal(["meta-version", "meta-version", "nodes-get", "meta-version"], counts["actors by territory"]);
        Assert.Equal(["meta-version"], counts["actors by territory again"]);
    }
}
