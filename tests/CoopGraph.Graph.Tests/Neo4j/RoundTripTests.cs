using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Neo4j;
using CoopGraph.Graph.Options;
using CoopGraph.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Graph.Tests.Neo4j;

/// <summary>
/// How many Query API requests each store call costs, and what they are, against a scripted server: a write is a
/// handful of requests whatever its size, each read one, and an export reads its pages concurrently while one
/// transaction holds the lock.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static (ServiceProvider Services, Neo4jGraphStore Store) Open(Uri uri, int pageSize = 10_000, int exportPageSize = 50_000)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Neo4jOptions>().Configure(o =>
        {
            (o.Uri, o.Password, o.MaxRetries) = (uri, "test-password-2", 0);
            (o.PageSize, o.ExportPageSize) = (pageSize, exportPageSize);
        });
        services.AddNeo4jQueryClient();
        services.AddSingleton<Neo4jGraphStore>();
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<Neo4jGraphStore>());
    }

    private static List<string?> Names(ScriptedNeo4j server) => server.Requests.Select(ScriptedGraph.NameOf).ToList();

    private static GraphBatch Actors(int count) => new()
    {
        Nodes = Enumerable.Range(0, count).Select(i => TestItems.ActorAt($"sse:{i}", i)).ToList(),
        Links = Enumerable.Range(1, count - 1).Select(i => new LinkUpsert(
            new Link { Id = $"coop:{i}", Type = LinkType.CooperatesWith, SourceId = $"sse:{i - 1}", TargetId = $"sse:{i}", CooperationKind = CooperationKind.Partnership },
            true, ["links", i - 1])).ToList(),
    };

    [Fact]
    public async Task ABatchIntoAnEmptyStore_IsFiveRequests_CreatingNodesAndLinksWithoutLookups()
    {
        var graph = ScriptedGraph.Empty();
        await using var server = await ScriptedNeo4j.StartAsync(graph.Respond);
        var (services, store) = Open(server.Uri);
        await using var _ = services;

        var result = await store.WriteAsync(Actors(2_000), Ct);

        Assert.Empty(result.Errors);
        Assert.Equal(["meta-lock", "facts", "nodes-create", "links-create", "meta-bump"], Names(server));
        Assert.EndsWith("/tx", server.Requests.First().Path, StringComparison.Ordinal);
        Assert.EndsWith("/commit", server.Requests.Last().Path, StringComparison.Ordinal);
        var created = server.Requests.Single(r => ScriptedGraph.NameOf(r) == "nodes-create");
        Assert.Equal(2_000, created.Json!["parameters"]!["rows"]!.AsArray().Count);
        // The change feed's records travel with the commit: one per node and link written, each with its own seq.
        var changes = server.Requests.Last().Json!["parameters"]!["changes"]!.AsArray();
        Assert.Equal(2_000 + 1_999, changes.Count);
        Assert.All(changes, c => Assert.Equal("UPSERT", c!["op"]!.GetValue<string>()));
        Assert.Equal(changes.Count, changes.Select(c => c!["seq"]!.GetValue<long>()).Distinct().Count());
    }

    [Fact]
    public async Task NodesAndLinksTheStoreHolds_AreMerged_TheOthersCreated()
    {
        var graph = ScriptedGraph.Sample(3);
        await using var server = await ScriptedNeo4j.StartAsync(graph.Respond);
        var (services, store) = Open(server.Uri);
        await using var _ = services;
        var batch = Actors(5);

        var result = await store.WriteAsync(batch, Ct);

        Assert.Empty(result.Errors);
        Assert.Equal(["meta-lock", "facts", "nodes-create", "nodes-upsert", "links-create", "links-upsert", "meta-bump"], Names(server));
        string[] Ids(string statement) => server.Requests.Single(r => ScriptedGraph.NameOf(r) == statement).Json!["parameters"]!["rows"]!.AsArray()
            .Select(row => row!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["sse:3", "sse:4"], Ids("nodes-create"));
        Assert.Equal(["sse:0", "sse:1", "sse:2"], Ids("nodes-upsert"));
        Assert.Equal(["coop:3", "coop:4"], Ids("links-create"));
        Assert.Equal(["coop:1", "coop:2"], Ids("links-upsert"));
        // A created row leaves its empty properties out; an updated one names them, null, so that += clears them.
        System.Text.Json.Nodes.JsonObject Props(string statement) =>
            server.Requests.Single(r => ScriptedGraph.NameOf(r) == statement).Json!["parameters"]!["rows"]![0]!["props"]!.AsObject();
        Assert.DoesNotContain(Props("nodes-create"), p => p.Value is null);
        Assert.Contains(Props("nodes-upsert"), p => p.Key == "description" && p.Value is null);
        Assert.DoesNotContain(Props("links-create"), p => p.Value is null);
        Assert.Contains(Props("links-upsert"), p => p.Key == "note" && p.Value is null);
    }

    [Fact]
    public async Task ABatchLargerThanAPage_IsWrittenInPages_OfOneTransaction()
    {
        var graph = ScriptedGraph.Empty();
        await using var server = await ScriptedNeo4j.StartAsync(graph.Respond);
        var (services, store) = Open(server.Uri, pageSize: 1_000);
        await using var _ = services;

        var result = await store.WriteAsync(Actors(2_500), Ct);

        Assert.Empty(result.Errors);
        Assert.Equal(["meta-lock", "facts", "nodes-create", "nodes-create", "nodes-create", "links-create", "links-create", "links-create", "meta-bump"], Names(server));
        Assert.Single(server.Requests, r => r.Path.EndsWith("/tx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWriteBeyondNeo4jsTransactionMemory_IsRefusedAsTooLarge_AndNotTriedAgain()
    {
        var graph = ScriptedGraph.Empty();
        await using var server = await ScriptedNeo4j.StartAsync(request => ScriptedGraph.NameOf(request) == "nodes-create"
            ? ScriptedResponse.Accepted("""{"errors":[{"code":"Neo.TransientError.General.MemoryPoolOutOfMemoryError","message":"The allocation of an extra 2.0 MiB would use more than the limit 1.0 GiB. Currently using 1.0 GiB. dbms.memory.transaction.total.max threshold reached"}]}""")
            : graph.Respond(request));
        var (services, store) = Open(server.Uri);
        await using var _ = services;

        var result = await store.WriteAsync(Actors(10), Ct);

        var error = Assert.Single(result.Errors);
        Assert.Equal(UserErrorCodes.TooLarge, error.Code);
        Assert.Contains("Split it", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Path.EndsWith("/tx", StringComparison.Ordinal));
        Assert.DoesNotContain("meta-bump", Names(server));
    }

    [Fact]
    public async Task EachRead_IsOneRequest()
    {
        var graph = ScriptedGraph.Sample(30);
        await using var server = await ScriptedNeo4j.StartAsync(graph.Respond);
        var (services, store) = Open(server.Uri);
        await using var _ = services;
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("nodes-list", () => store.ListNodesAsync(Viewer.Everything, new NodeQuery { Kinds = [NodeKind.SseActor] }, new PageRequest(20, null), Ct)),
            ("links-list", () => store.ListLinksAsync(Viewer.Everything, new LinkQuery(), new PageRequest(20, null), Ct)),
            ("links-of-nodes", () => store.GetLinksOfNodesAsync(Viewer.Everything, ["sse:1", "sse:2"], null, new PageRequest(10, null), Ct)),
            ("nodes-get", () => store.GetNodesAsync(Viewer.Everything, ["sse:1", "ter:1"], Ct)),
            ("search", () => store.SearchAsync(Viewer.Everything, "acteur", 10, Ct)),
            ("counts", () => store.CountAsync(Viewer.Everything, Ct)),
            ("meta-version", () => store.GetVersionAsync(Ct)),
        };

        foreach (var (name, call) in calls)
        {
            server.Requests.Clear();
            await call();
            Assert.Equal([name], Names(server));
        }
    }

    [Fact]
    public async Task AListing_AnswersItsTotalAndPage_FromOneStatement()
    {
        var graph = ScriptedGraph.Sample(30);
        await using var server = await ScriptedNeo4j.StartAsync(graph.Respond);
        var (services, store) = Open(server.Uri);
        await using var _ = services;

        var page = await store.ListNodesAsync(Viewer.Everything, new NodeQuery(), new PageRequest(20, null), Ct);

        Assert.Equal(31, page.TotalCount);
        Assert.Equal(20, page.Items.Count);
        Assert.True(page.HasNextPage);
    }

    [Fact]
    public async Task AnExport_ReadsEveryLinkTypeAtOnce_UnderOneLock_AndKeepsTheSeqOrder()
    {
        var graph = ScriptedGraph.Sample(250);
        await using var server = await ScriptedNeo4j.StartAsync(graph.Respond);
        var (services, store) = Open(server.Uri, exportPageSize: 100);
        await using var _ = services;
        var sink = new GraphCollector();

        var version = await store.ExportAsync(Viewer.Everything, sink, Ct);

        Assert.Equal(1, version);
        Assert.Equal(graph.Nodes.Select(n => (string)n["id"]!), sink.Nodes.Select(n => n.Id));
        Assert.Equal(graph.Links.OrderBy(l => (long)l["seq"]!).Select(l => (string)l["id"]!), sink.Links.Select(l => l.Id));
        var names = Names(server);
        Assert.Equal("meta-lock", names[0]);
        Assert.Equal("rollback", names[^1]);
        Assert.Single(server.Requests, r => r.Path.EndsWith("/tx", StringComparison.Ordinal));
        // 251 nodes in pages of 100; 250 located-in and 249 cooperation links, 3 pages each; one empty page per other type.
        Assert.Equal(3, names.Count(n => n == "nodes-page"));
        Assert.Equal(3 + 3 + 10, names.Count(n => n == "links-page-typed"));
        // Pages are auto-commit reads beside the lock's transaction, never inside it.
        Assert.All(server.Requests.Where(r => ScriptedGraph.NameOf(r) is "nodes-page" or "links-page-typed"),
            r => Assert.EndsWith("/query/v2", r.Path, StringComparison.Ordinal));
    }
}
