using System.Net;
using System.Text.Json.Nodes;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>The app over a store that fails the way a broken database does: clients see a code, never the internals.</summary>
public sealed class FailureTests : IClassFixture<FailureTests.BrokenStoreFactory>
{
    private const string Secret = "SQLite Error 11: 'database disk image is malformed' near SELECT id FROM nodes";
    private readonly HttpClient _client;

    public FailureTests(BrokenStoreFactory factory) => _client = factory.CreateClient();

    [Fact]
    public async Task AStoreFailure_IsAnInternalError_WithoutStackTraceOrSql()
    {
        using var response = await _client.PostRawAsync("""{"query":"{ node(id: \"x\") { id } }"}""", accept: "application/graphql-response+json");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = JsonNode.Parse(body)!["errors"]![0]!;
        Assert.Equal("INTERNAL", error["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("SQLite", body);
        Assert.DoesNotContain("SELECT", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Fact]
    public async Task Readiness_FailsWhenTheStoreDoesNotAnswer_WhileLivenessHolds()
    {
        using var ready = await _client.GetAsync("/health/ready");
        using var live = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.DoesNotContain("SQLite", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    public sealed class BrokenStoreFactory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            // The broken store logs every failure: quiet, so that the test output stays readable.
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
            builder.ConfigureTestServices(services => services.AddSingleton<IGraphStore, BrokenStore>());
        }
    }

    private sealed class BrokenStore : IGraphStore
    {
        private static InvalidOperationException Broken() => new(Secret);

        public Task<long> GetVersionAsync(CancellationToken cancellationToken) => throw Broken();

        public Task<IBulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken) => throw Broken();

        public Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw Broken();

        public Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken) => throw Broken();

        public Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken) => throw Broken();

        public Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken) => throw Broken();

        // The start-up seeding asks for counts: an empty store lets the host start so that health can be probed.
        public Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken) => Task.FromResult(new GraphCounts(1, 0, 0));
    }
}
