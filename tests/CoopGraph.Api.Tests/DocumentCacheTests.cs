using System.Text.Json.Nodes;
using CoopGraph.Api.GraphQL.Documents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>Validated documents are kept by their text, within bounds, and a kept document is still checked against its variables.</summary>
public sealed class DocumentCacheTests(DocumentCacheTests.SmallCacheFactory factory) : IClassFixture<DocumentCacheTests.SmallCacheFactory>
{
    private const int Entries = 50;
    private const int Chars = 20_000;

    [Fact]
    public async Task AFloodOfDistinctDocuments_StaysWithinTheCachesBounds_AndRecentDocumentsStayCached()
    {
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<DocumentCache>();

        for (var i = 0; i < 600; i++)
        {
            // Each document differs (an alias), some are long: both bounds are reached many times over.
            var padding = i % 7 == 0 ? new string(' ', 900) : "";
            var answer = await client.PostAsync($"{{ a{i}: graphStats {{ nodes }}{padding} }}");
            Assert.Null(answer["errors"]);
            Assert.InRange(cache.Count, 0, Entries);
            Assert.InRange(cache.Chars, 0, Chars);
        }
        const string Repeated = "{ recent: graphStats { links } }";
        await client.PostAsync(Repeated);
        Assert.NotNull(cache.Find(Repeated, out _));
        Assert.True(cache.Count > Entries / 2, $"Eviction dropped too much: {cache.Count} documents left.");
    }

    [Fact]
    public async Task ACachedDocument_WhosePageSizeComesFromAVariable_IsPricedAgainWithEachRequestsVariables()
    {
        var client = factory.CreateClient();
        const string Query = "query($n: Int) { actors(first: 100) { nodes { links(first: $n) { nodes { source { ... on Actor { links(first: 100) { totalCount } } } } } } } }";

        var cheap = await client.PostAsync(Query, new { n = 1 });
        var dear = await client.PostAsync(Query, new { n = 100 });
        var cheapAgain = await client.PostAsync(Query, new { n = 1 });

        Assert.Null(cheap["errors"]);
        Assert.NotNull(factory.Services.GetRequiredService<DocumentCache>().Find(Query, out _));
        Assert.Equal("QUERY_TOO_COMPLEX", dear["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(dear["data"]);
        Assert.Null(cheapAgain["errors"]);
    }

    [Fact]
    public async Task ACachedDocument_IsStillCheckedAgainstItsVariables()
    {
        var client = factory.CreateClient();
        const string Query = "query($id: ID!) { actor(id: $id) { id } }";

        var known = await client.PostAsync(Query, new { id = "svc:city-ccas" });
        var missing = await client.PostAsync(Query, new JsonObject());

        Assert.Equal("svc:city-ccas", known["data"]!["actor"]!["id"]!.GetValue<string>());
        Assert.NotNull(missing["errors"]);
        Assert.Null(missing["data"]);
    }

    public sealed class SmallCacheFactory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:Limits:DocumentCacheEntries", Entries.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:Limits:DocumentCacheChars", Chars.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        }
    }
}
