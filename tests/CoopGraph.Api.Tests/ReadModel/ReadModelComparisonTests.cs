using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Graph;
using CoopGraph.Graph.ReadModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>
/// The read model answers exactly as the store: the same thousand generated read operations on the region graph, sent
/// to a server whose reads come from the read model and to one whose reads all go to the store, get byte-identical
/// answers. The first server's reads are run by CoopGraph's own executer, the second's by GraphQL.NET's; a third server
/// reads the store too, through CoopGraph's own executer (loads batched round by round), and answers the same.
/// </summary>
public sealed partial class ReadModelComparisonTests(RegionGraph graph) : IClassFixture<RegionGraph>
{
    private const int Operations = 1000;

    [Fact]
    public async Task AThousandGeneratedReads_OnTheRegionGraph_AnswerTheSame_FromTheReadModelAndFromTheStore()
    {
        await using var withModel = new RegionApp(graph.DatabasePath, readModel: true, direct: true);
        await using var storeOnly = new RegionApp(graph.DatabasePath, readModel: false, direct: false);
        await using var storeDirect = new RegionApp(graph.DatabasePath, readModel: false, direct: true);
        var fromModel = withModel.CreateClient();
        var fromStore = storeOnly.CreateClient();
        var fromStoreDirect = storeDirect.CreateClient();
        fromModel.Timeout = fromStore.Timeout = fromStoreDirect.Timeout = TimeSpan.FromSeconds(30);
        var generator = await GeneratorAsync(fromStore);
        // The read model of the region is built before any answer is compared (on a loaded machine it takes longer
        // than the execution timeout the test gives requests).
        var store = withModel.Services.GetRequiredService<IGraphStore>();
        var readModel = withModel.Services.GetRequiredService<ReadModelProvider>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (readModel.Current?.Version != await store.GetVersionAsync(CancellationToken.None))
        {
            Assert.True(DateTime.UtcNow < deadline, "The read model of the region was never built.");
            await readModel.ReaderAsync(CancellationToken.None);
        }

        var differences = new StringBuilder();
        var answered = 0;
        var timedOut = 0;
        var errors = new List<string>();
        var next = new Queue<(string, JsonObject)>();
        for (var i = 0; i < Operations; i++)
        {
            var (query, variables) = next.Count > 0 ? next.Dequeue() : generator.Next();
            var expected = await AnswerAsync(fromStore, query, variables);
            var actual = await AnswerAsync(fromModel, query, variables);
            var batched = await AnswerAsync(fromStoreDirect, query, variables);
            // The store's SQL runs out of time on a few rare combinations (themes and a whole country after a cursor):
            // those answers say nothing of the read model's, and are counted apart.
            // Either side's full-text search is the store's, and on a loaded machine it too can run out of time.
            if (new[] { expected, actual, batched }.Any(a => a.Contains("The operation has timed out.", StringComparison.Ordinal)))
            {
                timedOut++;
                continue;
            }
            if ((expected != actual || expected != batched) && differences.Length < 4000)
            {
                differences.AppendLine($"{query} {variables.ToJsonString()}\n  store:      {Cut(expected)}\n  read model: {Cut(actual)}\n  store, direct: {Cut(batched)}");
            }
            if (expected.Contains("\"errors\"", StringComparison.Ordinal))
            {
                errors.Add($"{Cut(query)} → {Cut(expected)}");
            }
            else
            {
                answered++;
            }
            // Every other page with more after it is followed: the next operation asks for the page after its end cursor.
            if (i % 2 == 0 && EndCursor().Match(expected) is { Success: true } cursor && variables.ContainsKey("first"))
            {
                var following = (JsonObject)variables.DeepClone();
                following["after"] = cursor.Groups[1].Value;
                next.Enqueue((query, following));
            }
        }

        Assert.True(differences.Length == 0, differences.ToString());
        Assert.True(timedOut < Operations / 50, $"The store timed out on {timedOut} operations.");
        // Nearly all operations are answered (some ask for ids or codes that match nothing, which is no error).
        Assert.True(answered > Operations * 9 / 10, $"Only {answered} of {Operations} operations were answered without errors, e.g.\n{string.Join('\n', errors.Distinct().Take(8))}");
        // And the read model did answer them: its snapshot is of the store's version, and the other server has none.
        Assert.Equal(await store.GetVersionAsync(CancellationToken.None), readModel.Current?.Version);
        Assert.Null(storeOnly.Services.GetRequiredService<ReadModelProvider>().Current);
        // Most were run by CoopGraph's own executer (a document's first request, and those with errors, by GraphQL.NET's),
        // from the read model and from the store alike, so its answers too are GraphQL.NET's on the store.
        foreach (var (name, app) in new[] { ("read model", withModel), ("store", storeDirect) })
        {
            var direct = app.Services.GetRequiredService<CoopGraph.Api.GraphQL.Direct.DirectExecuter>().Counts;
            Assert.True(direct.Served > answered * 3 / 4, $"From the {name}, the direct executer answered {direct.Served} of {answered} operations ({direct.Declined} handed back).");
        }
        Assert.Equal((0, 0), storeOnly.Services.GetRequiredService<CoopGraph.Api.GraphQL.Direct.DirectExecuter>().Counts);
    }

    private static async Task<ReadQueryGenerator> GeneratorAsync(HttpClient client)
    {
        var actors = new List<string>();
        string? after = null;
        for (var page = 0; page < 30; page++)
        {
            var data = (await client.PostAsync("query($after: String) { actors(first: 100, after: $after) { nodes { id } pageInfo { endCursor } } }", new { after }))["data"]!["actors"]!;
            actors.AddRange(data["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            after = data["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        // Actors from across the graph: each page of a listing of one kind starts where the kinds' seqs are.
        foreach (var kind in new[] { "AUTHORITY", "SERVICE", "UNIVERSITY", "INNOVATION_LAB" })
        {
            var data = (await client.PostAsync("query($k: [ActorKind!]) { actors(filter: { kinds: $k }, first: 100) { nodes { id name } } }", new { k = new[] { kind } }))["data"]!["actors"]!;
            actors.AddRange(data["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        }
        var themes = (await client.PostAsync("{ themes(first: 100) { nodes { id } } }"))["data"]!["themes"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        var territories = (await client.PostAsync("{ territories(first: 100) { nodes { code } } }"))["data"]!["territories"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
        var names = (await client.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Actor { name } } }", new { ids = actors.Take(100) }))["data"]!["nodes"]!.AsArray();
        var words = names.SelectMany(n => n?["name"]?.GetValue<string>().Split(' ') ?? []).Where(w => w.Length > 2).Distinct().ToList();
        return new ReadQueryGenerator(2026, actors, themes, territories, words);
    }

    private static async Task<string> AnswerAsync(HttpClient client, string query, JsonObject variables)
    {
        try
        {
            using var response = await client.PostAsync("/graphql", new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables.DeepClone() }.ToJsonString(), Encoding.UTF8, "application/json"));
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (TaskCanceledException) when (!client.Timeout.Equals(Timeout.InfiniteTimeSpan))
        {
            // A SQLite statement in the middle of one long step does not see the execution timeout's cancellation
            // until the step ends: past the client's own timeout, the answer is as good as timed out.
            return "client: The operation has timed out.";
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"hasNextPage\":true,\"endCursor\":\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex EndCursor();

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "…";

    /// <summary>
    /// The app on the shared region file, its reads from the read model (waited for) or from the store only, run by
    /// CoopGraph's own executer where it can or by GraphQL.NET alone.
    /// </summary>
    private sealed class RegionApp(string databasePath, bool readModel, bool direct) : IsolatedAppFactory
    {
        public override string DatabasePath => databasePath;

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Graph:ReadModelMaxElements", readModel ? "4000000" : "0");
            builder.UseSetting("Graph:ReadModelMaxWaitMilliseconds", "120000");
            builder.UseSetting("Api:DirectReads:Enabled", direct ? "true" : "false");
            // The store's slowest listings give up sooner than a partner's would (see the test).
            builder.UseSetting("Api:Limits:TimeoutSeconds", "5");
            builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        }
    }
}
