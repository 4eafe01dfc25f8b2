using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Projections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>
/// Without the read model (a graph too large for it), searches are answered from the index held beside the projection
/// when it is of the store's version. A write is still found by the very next search, which the store answers while
/// the index is behind, and then by the index once rebuilt, with the store's own answer.
/// </summary>
public sealed class IndexedSearchTests(IndexedSearchTests.Factory factory) : IClassFixture<IndexedSearchTests.Factory>
{
    private const string Search = "query($text: String!) { search(text: $text, first: 5) { id ... on Actor { name } } }";

    [Fact]
    public async Task EachWrite_IsFoundByTheNextSearch_ThenByTheRebuiltIndex_AsTheStoreFindsIt()
    {
        var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<IGraphStore>();
        var projections = factory.Services.GetRequiredService<ProjectionProvider>();
        await CaughtUpAsync(client, store, projections);

        for (var i = 0; i < 5; i++)
        {
            var name = $"Ornithorynque {i} solidaire";
            var written = await client.PostAsync(
                "mutation($input: [ActorInput!]!) { upsertActors(input: $input) { errors { code } } }",
                new { input = new[] { new { id = "test:searched", kind = "SSE_ACTOR", name, legalForm = "ASSOCIATION", territoryCode = "97202" } } });
            Assert.Empty(written["data"]!["upsertActors"]!["errors"]!.AsArray());
            var text = $"ornithorynque {i}";

            var atOnce = await client.PostAsync(Search, new { text });
            await CaughtUpAsync(client, store, projections);
            var fromIndex = await client.PostAsync(Search, new { text });

            Assert.Equal(name, atOnce["data"]!["search"]![0]!["name"]!.GetValue<string>());
            Assert.Equal(atOnce.ToJsonString(), fromIndex.ToJsonString());
            var fromStore = await store.SearchAsync(Viewer.Public, text, 5, CancellationToken.None);
            Assert.Equal(fromStore.Select(n => n.Id), fromIndex["data"]!["search"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        }
    }

    /// <summary>Searches until the index is of the store's version: a search that finds it behind starts its rebuild.</summary>
    private static async Task CaughtUpAsync(HttpClient client, IGraphStore store, ProjectionProvider projections)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (projections.Search?.Version != await store.GetVersionAsync(CancellationToken.None))
        {
            Assert.True(DateTime.UtcNow < deadline, "The search index never caught up with the store.");
            var answer = await client.PostAsync(Search, new { text = "centre" });
            Assert.Null(answer["errors"]);
            await Task.Delay(20);
        }
    }

    /// <summary>The demo graph, anonymous writes, no read model and no kept answers: every search is computed.</summary>
    public sealed class Factory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
            builder.UseSetting("Graph:ReadModelMaxElements", "0");
            builder.UseSetting("Api:ResponseCache:MaxBytes", "0");
            builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        }
    }
}
