using CoopGraph.Graph;
using CoopGraph.Graph.ReadModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>
/// A write is seen by the very next request, even though the read model held the graph before it: with the production
/// settings (no request waits for the read model), the request after a write reads the store or a snapshot that
/// includes the write, never the snapshot of before.
/// </summary>
public sealed class WriteThenReadTests(WriteThenReadTests.Factory factory) : IClassFixture<WriteThenReadTests.Factory>
{
    [Fact]
    public async Task EachWrite_IsReadBackAtOnce_ByTheNextRequest_WhileTheReadModelHeldTheVersionBefore()
    {
        var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<IGraphStore>();
        var readModel = factory.Services.GetRequiredService<ReadModelProvider>();
        await HeldAsync(client, store, readModel);

        for (var i = 0; i < 20; i++)
        {
            var name = $"Centre social renommé {i}";
            var before = readModel.Current?.Version;
            var written = await client.PostAsync(
                "mutation($input: [ActorInput!]!) { upsertActors(input: $input) { errors { code } } }",
                new { input = new[] { new { id = "test:renamed", kind = "SSE_ACTOR", name, legalForm = "ASSOCIATION", territoryCode = "97202" } } });
            Assert.Empty(written["data"]!["upsertActors"]!["errors"]!.AsArray());

            var read = await client.PostAsync("""
                { actor(id: "test:renamed") { name } actors(filter: { kinds: [SSE_ACTOR], territoryCode: "97202" }, first: 100) { nodes { id name } } }
                """);

            Assert.Equal(name, read["data"]!["actor"]!["name"]!.GetValue<string>());
            Assert.Contains(read["data"]!["actors"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "test:renamed" && n["name"]!.GetValue<string>() == name);
            // The snapshot held before the write is of an older version than the one just read.
            Assert.True(before is null || before < await store.GetVersionAsync(CancellationToken.None));
        }
        await HeldAsync(client, store, readModel);
        Assert.Equal("Centre social renommé 19", (await client.PostAsync("""{ actor(id: "test:renamed") { name } }"""))["data"]!["actor"]!["name"]!.GetValue<string>());
    }

    /// <summary>Reads until the read model holds the store's current version (it is rebuilt in the background).</summary>
    private static async Task HeldAsync(HttpClient client, IGraphStore store, ReadModelProvider readModel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (readModel.Current?.Version != await store.GetVersionAsync(CancellationToken.None))
        {
            Assert.True(DateTime.UtcNow < deadline, "The read model never caught up with the store.");
            await client.PostAsync("""{ actor(id: "svc:city-ccas") { id } }""");
            await Task.Delay(50);
        }
    }

    /// <summary>The demo graph, anonymous writes allowed, and the read model as in production: no request waits for it.</summary>
    public sealed class Factory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
            builder.UseSetting("Graph:ReadModelMaxWaitMilliseconds", "0");
            builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        }
    }
}
