using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Api.GraphQL.Direct;
using CoopGraph.Graph;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.ReadModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>
/// CoopGraph's own executer answers entity reads exactly as GraphQL.NET does — fragments, aliases, fields merged under
/// one key, abstract types, lists with nulls, variables, page sizes set by a variable — and hands to GraphQL.NET what it
/// does not cover (directives) and whatever GraphQL.NET answers with an error, which then comes out as before. Two
/// servers on one demo store, one with the direct executer and one without, answer every request byte for byte alike,
/// reading from the read model (<see cref="DirectReadsTests"/>) or from the store (<see cref="BatchedDirectReadsTests"/>).
/// </summary>
public abstract class DirectReadsComparison(bool readModel) : IAsyncLifetime
{
    private const string ActorPage = """
        query Page($id: ID!) {
          __typename
          actor(id: $id) {
            __typename
            ...Named
            ... on Service { domain authority { id ...Named services { id } } direction { id } }
            ... on Authority { level }
            first: links(first: 3) { totalCount edges { cursor node { id type } } }
            links(first: 2) { pageInfo { hasNextPage endCursor } }
            links(first: 2) { edges { node { source { __typename id ... on Actor { kind } } target { ...Named } } } }
            themes { id name }
            territory { code }
          }
        }
        fragment Named on Node { id ... on Actor { name tags createdAt privateTo { id } } }
        """;

    protected static readonly (string Query, object? Variables)[] Served =
    [
        (ActorPage, new { id = "svc:city-ccas" }),
        (ActorPage, new { id = "auth:city" }),
        (ActorPage, new { id = "no:such-actor" }),
        ("{ a: node(id: \"svc:city-ccas\") { id } b: node(id: \"auth:city\") { ... on Authority { level code population } } }", null),
        ("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Theme { name } ... on Actor { kind } } }",
            new { ids = new[] { "svc:city-ccas", "no:such-node", "auth:city" } }),
        ("query($f: Int) { actors(filter: { kinds: [SERVICE] }, first: $f) { totalCount nodes { id name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
            new { f = 4 }),
        ("query($t: String!) { search(text: $t, first: 5) { __typename id ... on Actor { name } } }", new { t = "jeun" }),
        ("{ themes(first: 3) { edges { cursor node { id name } } } links(first: 4) { nodes { id type since until amount year instrument kind intensity } } }", null),
        ("{ __typename }", null),
    ];

    private static readonly (string Query, object? Variables)[] HandedBack =
    [
        // A directive: what the operation selects depends on the request.
        ("query($all: Boolean!) { actor(id: \"svc:city-ccas\") { id name @include(if: $all) } }", new { all = true }),
        // Errors GraphQL.NET reports: too many ids, a variable of the wrong type, a page larger than the limits allow.
        ("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Range(0, 101).Select(i => $"n{i}").ToArray() }),
        ("query($f: Int) { actors(first: $f) { totalCount } }", new { f = "many" }),
        ("query($f: Int) { actors(first: $f) { nodes { id links(first: 100) { nodes { id } } } } }", new { f = 100000 }),
    ];

    private App _direct = null!;
    private App _executer = null!;

    /// <summary>The server with the direct executer.</summary>
    protected App Direct => _direct;

    /// <summary>The server without it: GraphQL.NET answers every request.</summary>
    protected App Executer => _executer;

    public async Task InitializeAsync()
    {
        // Both servers read one store, seeded once: the demo's dates are those of its seeding.
        _direct = new App(null, direct: true, readModel);
        _ = _direct.Services;
        _executer = new App(_direct.DatabasePath, direct: false, readModel);
        _ = _executer.Services;
        if (readModel)
        {
            await HeldVersion.WaitAsync(_direct.Services);
            await HeldVersion.WaitAsync(_executer.Services);
        }
        else
        {
            Assert.Null(await _direct.Services.GetRequiredService<ReadModelProvider>().ReaderAsync(CancellationToken.None) as ReadModelSnapshot);
        }
    }

    public async Task DisposeAsync()
    {
        await _executer.DisposeAsync();
        await _direct.DisposeAsync();
    }

    [Fact]
    public async Task EntityReads_AnsweredByTheDirectExecuter_AreByteForByteGraphQLNetsAnswers()
    {
        foreach (var (query, variables) in Served)
        {
            var (direct, servedDirectly) = await SecondAnswerAsync(query, variables);
            Assert.True(servedDirectly == 1, $"Not answered directly: {query}");
            Assert.Equal(await AnswerAsync(_executer, query, variables), direct);
            Assert.DoesNotContain("\"errors\"", direct, StringComparison.Ordinal);
        }
        Assert.Equal(0, _executer.Services.GetRequiredService<DirectExecuter>().Counts.Served);
    }

    [Fact]
    public async Task WhatTheDirectExecuterDoesNotCover_OrGraphQLNetAnswersWithAnError_IsGraphQLNetsAnswer()
    {
        foreach (var (query, variables) in HandedBack)
        {
            var (direct, servedDirectly) = await SecondAnswerAsync(query, variables);
            Assert.True(servedDirectly == 0, $"Answered directly: {query}");
            Assert.Equal(await AnswerAsync(_executer, query, variables), direct);
        }
        // The errors are there, as GraphQL.NET gives them.
        Assert.Contains("\"errors\"", await AnswerAsync(_direct, HandedBack[1].Query, HandedBack[1].Variables), StringComparison.Ordinal);
        Assert.Contains("\"errors\"", await AnswerAsync(_direct, HandedBack[3].Query, HandedBack[3].Variables), StringComparison.Ordinal);
    }

    /// <summary>
    /// The direct server's answer to a document's second request (GraphQL.NET validates it at the first; from the second
    /// it may run directly), and how many answers the direct executer gave meanwhile (1 when it gave this one).
    /// </summary>
    protected async Task<(string Answer, long ServedDirectly)> SecondAnswerAsync(string query, object? variables)
    {
        var counts = _direct.Services.GetRequiredService<DirectExecuter>();
        await AnswerAsync(_direct, query, variables);
        var before = counts.Counts.Served;
        var answer = await AnswerAsync(_direct, query, variables);
        return (answer, counts.Counts.Served - before);
    }

    protected static async Task<string> AnswerAsync(App app, string query, object? variables)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/graphql", new StringContent(
            new JsonObject { ["query"] = query, ["variables"] = variables is null ? null : JsonNode.Parse(GraphQLClient.Json(variables)) }.ToJsonString(),
            Encoding.UTF8, "application/json"));
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>
    /// The demo store, answers computed at every request (none kept), with or without the direct executer, read from
    /// the read model or from the store alone; the calls that reach the store are counted.
    /// </summary>
    protected sealed class App(string? databasePath, bool direct, bool readModel) : IsolatedAppFactory
    {
        public override string DatabasePath => databasePath ?? base.DatabasePath;

        public CountingStore? Counter { get; private set; }

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:ReadModelMaxWaitMilliseconds", "60000");
            builder.UseSetting("Graph:ReadModelMaxElements", readModel ? "4000000" : "0");
            builder.UseSetting("Api:ResponseCache:MaxBytes", "0");
            builder.UseSetting("Api:DirectReads:Enabled", direct ? "true" : "false");
            // The second server must not seed the store the first one seeded.
            builder.UseSetting("Graph:SeedDemo", databasePath is null ? "true" : "false");
            builder.ConfigureTestServices(services =>
                services.AddSingleton<IGraphStore>(sp => Counter = new CountingStore(sp.GetRequiredService<EmbeddedGraphStore>())));
        }
    }
}
