using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Api.GraphQL.Responses;
using CoopGraph.Graph;
using CoopGraph.Graph.ReadModel;
using CoopGraph.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>
/// Kept answers across writes: an answer stays kept through a version that changed nothing it read, is dropped by one
/// that changed a node, link or list of links it read, and a listing is dropped by any change. Whatever is served from
/// the cache is what the same read asked afresh answers.
/// </summary>
public sealed class CarriedAnswersTests(CarriedAnswersTests.Factory factory) : IClassFixture<CarriedAnswersTests.Factory>
{
    private const string ActorPage =
        "query($id: ID!) { actor(id: $id) { id name links(first: 10) { totalCount edges { node { id type " +
        "source { id ... on Actor { name } } target { id ... on Actor { name } } } } } } }";

    [Fact]
    public async Task AnAnswer_IsKeptThroughWritesToWhatItDidNotRead_AndDroppedByOnesToWhatItRead()
    {
        using var client = factory.CreateClient();
        await UpsertActorsAsync(client, ("test:x", "X"), ("test:y", "Y"), ("test:z", "Z"));
        await UpsertLinkAsync(client, "test:xz", "test:x", "test:z");
        // Once the read model holds the store's version, each write's changes are handed over to it as the write
        // commits; a whole copy of the graph (the first one, made while the tests start) tells no changes and drops all.
        var store = factory.Services.GetRequiredService<IGraphStore>();
        var readModel = factory.Services.GetRequiredService<ReadModelProvider>();
        Assert.True(await Eventually.HoldsAsync(
            async () =>
            {
                // A read asks for the store's version: the read model catches up when it is behind.
                await client.PostAsync("{ node(id: \"test:y\") { id } }");
                return readModel.Current?.Version == await store.GetVersionAsync(CancellationToken.None);
            },
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20)));
        var x = new { id = "test:x" };
        Assert.Equal("miss", (await ReadAsync(client, ActorPage, x)).Cache);
        var kept = await ReadAsync(client, ActorPage, x);
        Assert.Equal("hit", kept.Cache);

        // Another actor renamed: nothing x's page read.
        await UpsertActorsAsync(client, ("test:y", "Y renommé"));
        var afterOther = await ReadAsync(client, ActorPage, x);
        Assert.Equal(("hit", kept.Body), (afterOther.Cache, afterOther.Body));

        // The actor at the other end of x's link renamed: its name is on x's page.
        await UpsertActorsAsync(client, ("test:z", "Z renommé"));
        var afterEnd = await ReadAsync(client, ActorPage, x);
        Assert.Equal("miss", afterEnd.Cache);
        Assert.Contains("Z renommé", afterEnd.Body, StringComparison.Ordinal);

        // A link added to x, then removed: its list of links changed both times.
        await UpsertLinkAsync(client, "test:xy", "test:x", "test:y");
        var linked = await ReadAsync(client, ActorPage, x);
        Assert.Equal(("miss", 2), (linked.Cache, TotalLinks(linked.Body)));
        await DeleteLinkAsync(client, "test:xy");
        var unlinked = await ReadAsync(client, ActorPage, x);
        Assert.Equal(("miss", 1), (unlinked.Cache, TotalLinks(unlinked.Body)));
        Assert.True(factory.Services.GetRequiredService<ResponseCache>().Carried > 0);
    }

    [Fact]
    public async Task AListing_IsDroppedByAnyChange()
    {
        using var client = factory.CreateClient();
        const string Listing = "{ actors(first: 3) { totalCount edges { node { id name } } } }";
        await ReadAsync(client, Listing, null);
        Assert.Equal("hit", (await ReadAsync(client, Listing, null)).Cache);

        await UpsertActorsAsync(client, ("test:listing-elsewhere", "Ailleurs"));

        var after = await ReadAsync(client, Listing, null);
        Assert.Equal("miss", after.Cache);
    }

    [Fact]
    public async Task WhatTheCacheServes_AfterRandomWrites_IsWhatTheSameReadAnswersAfresh()
    {
        using var client = factory.CreateClient();
        var random = new Random(20261206);
        var actors = Enumerable.Range(0, 8).Select(i => $"test:random-{i}").ToArray();
        await UpsertActorsAsync(client, [.. actors.Select(id => (id, id))]);
        var links = new List<(string Id, string A, string B)>();
        var pairs = new HashSet<(string, string)>();
        int hits = 0, misses = 0;
        for (var round = 0; round < 30; round++)
        {
            // One write of a random sort: a rename, a link added, a link removed.
            switch (random.Next(3))
            {
                case 0:
                    var renamed = actors[random.Next(actors.Length)];
                    await UpsertActorsAsync(client, (renamed, $"{renamed} #{round}"));
                    break;
                case 1:
                    var (a, b) = (actors[random.Next(actors.Length)], actors[random.Next(actors.Length)]);
                    // One link per pair of actors, either way round.
                    if (a != b && pairs.Add(string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a)))
                    {
                        var id = $"test:random-link-{round}";
                        await UpsertLinkAsync(client, id, a, b);
                        links.Add((id, a, b));
                    }
                    break;
                default:
                    if (links.Count > 0)
                    {
                        var removed = links[random.Next(links.Count)];
                        await DeleteLinkAsync(client, removed.Id);
                        links.Remove(removed);
                        pairs.Remove(string.CompareOrdinal(removed.A, removed.B) < 0 ? (removed.A, removed.B) : (removed.B, removed.A));
                    }
                    break;
            }
            foreach (var id in actors)
            {
                var served = await ReadAsync(client, ActorPage, new { id });
                // Another text, the same read: never answered from a kept answer (its key is new).
                var afresh = await ReadAsync(client, ActorPage + new string(' ', round + 1), new { id });
                Assert.Equal("miss", afresh.Cache);
                Assert.Equal(afresh.Body, served.Body);
                if (served.Cache == "hit")
                {
                    hits++;
                }
                else
                {
                    misses++;
                }
            }
        }
        // Both happened: some answers were carried through writes, and some were dropped by them.
        Assert.True(hits > 0 && misses > 0, $"{hits} hits, {misses} misses");
    }

    [Fact]
    public async Task AnAnswerPickedByTheProjection_IsKeptOnlyWhenTheProjectionIsOfTheRequestsVersion()
    {
        var version = await factory.Services.GetRequiredService<IGraphStore>().GetVersionAsync(CancellationToken.None);
        foreach (var (pinned, keepable) in new[] { (version, true), (version + 1, false) })
        {
            using var scope = factory.Services.CreateScope();
            var reader = scope.ServiceProvider.GetRequiredService<RequestReader>();
            var reads = new ReadSet();
            reader.Record(reads);
            reader.At(pinned, CancellationToken.None);

            var projection = await reader.ProjectionAsync(CancellationToken.None);

            Assert.Equal(version, projection.Version);
            Assert.True(reads.Everything);
            Assert.Equal(keepable, reads.Keepable);
        }
    }

    private static int TotalLinks(string body) => JsonNode.Parse(body)!["data"]!["actor"]!["links"]!["totalCount"]!.GetValue<int>();

    private static async Task UpsertActorsAsync(HttpClient client, params (string Id, string Name)[] actors) =>
        await WriteAsync(client, "mutation($input: [ActorInput!]!) { upsertActors(input: $input) { ids errors { code message } } }",
            new { input = actors.Select(a => new { id = a.Id, kind = "SSE_ACTOR", name = a.Name, legalForm = "ASSOCIATION" }) }, "upsertActors");

    private static async Task UpsertLinkAsync(HttpClient client, string id, string source, string target) =>
        await WriteAsync(client, "mutation($input: [LinkInput!]!) { upsertLinks(input: $input) { ids errors { code message } } }",
            new { input = new[] { new { id, type = "COOPERATES_WITH", sourceId = source, targetId = target, kind = "PARTNERSHIP", intensity = 2 } } },
            "upsertLinks");

    private static async Task DeleteLinkAsync(HttpClient client, string id) =>
        await WriteAsync(client, "mutation($ids: [ID!]!) { deleteLinks(ids: $ids) { ids errors { code message } } }", new { ids = new[] { id } }, "deleteLinks");

    private static async Task WriteAsync(HttpClient client, string mutation, object variables, string field)
    {
        var answer = await client.PostAsync(mutation, variables);
        Assert.Null(answer["errors"]);
        Assert.Empty(answer["data"]![field]!["errors"]!.AsArray());
    }

    private static async Task<(string Body, string? Cache)> ReadAsync(HttpClient client, string query, object? variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.DoesNotContain("\"errors\"", body, StringComparison.Ordinal);
        return (body, response.Headers.TryGetValues("X-CoopGraph-Cache", out var values) ? values.Single() : null);
    }

    public sealed class Factory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
            builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        }
    }
}
