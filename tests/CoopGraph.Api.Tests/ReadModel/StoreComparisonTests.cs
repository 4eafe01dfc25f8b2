using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Domain.Generation;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.Neo4j.QueryApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>A test that needs the Neo4j server NEO4J_URI names; skipped, with the reason, without one.</summary>
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NEO4J_URI")))
        {
            Skip = "NEO4J_URI is not set: no Neo4j server to compare the embedded store with (set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD).";
        }
    }
}

/// <summary>
/// The same generated graph imported into the embedded store and into Neo4j: generated reads over the schema's read
/// fields answer the same from both, through the API, with every read going to the store. What the stores may
/// rightly differ in is left out: write times, cursors (each store numbers its own writes) and the order of search
/// results of equal rank (SQLite's bm25 and Lucene's scores).
/// </summary>
public sealed class StoreComparisonTests
{
    private const int Operations = 400;

    private sealed class StoreApp(bool neo4j) : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Graph:ReadModelMaxElements", "0");
            builder.UseSetting("Api:Limits:TimeoutSeconds", "30");
            if (neo4j)
            {
                builder.UseSetting("Graph:Provider", "Neo4j");
                builder.UseSetting("Graph:Neo4j:Uri", Environment.GetEnvironmentVariable("NEO4J_URI"));
                builder.UseSetting("Graph:Neo4j:User", Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j");
                builder.UseSetting("Graph:Neo4j:Password", Environment.GetEnvironmentVariable("NEO4J_PASSWORD"));
            }
        }
    }

    [Neo4jFact]
    public async Task GeneratedReads_AnswerTheSame_FromTheEmbeddedStoreAndFromNeo4j()
    {
        await using var embedded = new StoreApp(neo4j: false);
        await using var neo4j = new StoreApp(neo4j: true);
        var fromEmbedded = embedded.CreateClient();
        var fromNeo4j = neo4j.CreateClient();
        await EmptyNeo4jAsync(neo4j.Services.GetRequiredService<Neo4jQueryClient>());
        var lines = new MemoryStream();
        using (var writer = new NdjsonGraphWriter(lines))
        {
            new GraphGenerator(GeneratorScale.Demo).Generate(writer);
        }
        foreach (var app in new[] { embedded, neo4j })
        {
            using var reader = new StreamReader(new MemoryStream(lines.ToArray()));
            var report = await new ImportRunner(app.Services.GetRequiredService<IGraphStore>()).RunAsync(reader, null, CancellationToken.None);
            Assert.True(report.Completed && report.Rejected == 0, "The demo graph did not import whole.");
        }
        var generator = await GeneratorAsync(fromEmbedded);

        var differences = new StringBuilder();
        var answered = 0;
        for (var i = 0; i < Operations; i++)
        {
            var (query, variables) = generator.Next();
            var expected = await AnswerAsync(fromEmbedded, query, variables);
            var actual = await AnswerAsync(fromNeo4j, query, variables);
            if (expected != actual && differences.Length < 4000)
            {
                differences.AppendLine($"{query} {variables.ToJsonString()}\n  embedded: {Cut(expected)}\n  neo4j:    {Cut(actual)}");
            }
            answered += expected.Contains("\"errors\"", StringComparison.Ordinal) ? 0 : 1;
        }

        Assert.True(differences.Length == 0, differences.ToString());
        Assert.True(answered > Operations * 9 / 10, $"Only {answered} of {Operations} operations were answered without errors.");
    }

    private static async Task EmptyNeo4jAsync(Neo4jQueryClient client)
    {
        foreach (var text in new[]
        {
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
            "MATCH (n) WHERE NOT n:CoopGraphMeta CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
        })
        {
            await client.RunAsync(new CypherStatement("empty", text), null, AccessMode.Write, CancellationToken.None);
        }
    }

    private static async Task<ReadQueryGenerator> GeneratorAsync(HttpClient client)
    {
        var actors = new List<string>();
        string? after = null;
        do
        {
            var data = (await client.PostAsync("query($after: String) { actors(first: 100, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }", new { after }))["data"]!["actors"]!;
            actors.AddRange(data["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            after = data["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? data["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        var themes = (await client.PostAsync("{ themes(first: 100) { nodes { id } } }"))["data"]!["themes"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        var territories = (await client.PostAsync("{ territories(first: 100) { nodes { code } } }"))["data"]!["territories"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
        var names = (await client.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Actor { name } } }", new { ids = actors.Take(100) }))["data"]!["nodes"]!.AsArray();
        var words = names.SelectMany(n => n?["name"]?.GetValue<string>().Split(' ') ?? []).Where(w => w.Length > 2).Distinct().ToList();
        return new ReadQueryGenerator(2027, actors, themes, territories, words);
    }

    private static async Task<string> AnswerAsync(HttpClient client, string query, JsonObject variables)
    {
        using var content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables.DeepClone() }.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/graphql", content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Normalise(body);
        return $"{(int)response.StatusCode} {body.ToJsonString()}";
    }

    /// <summary>Leaves out what the stores rightly differ in, and puts search results of each answer in id order.</summary>
    private static void Normalise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in new[] { "createdAt", "updatedAt", "cursor", "endCursor" })
                {
                    obj.Remove(name);
                }
                if (obj["search"] is JsonArray results)
                {
                    var ordered = results.Select(r => r?.DeepClone()).OrderBy(r => r?["id"]?.GetValue<string>(), StringComparer.Ordinal).ToList();
                    obj["search"] = new JsonArray([.. ordered]);
                }
                foreach (var (_, value) in obj.ToList())
                {
                    Normalise(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Normalise(item);
                }
                break;
        }
    }

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
