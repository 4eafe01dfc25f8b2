using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Graph.Changes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>
/// The change feed: a copy exported at one version and brought up to date with /api/changes equals an export at the
/// later version; GraphQL pages through the same changes by cursor; what is no longer kept answers CHANGES_EXPIRED.
/// </summary>
public sealed class ChangeFeedTests
{
    private sealed class DemoApp(bool seed) : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", seed ? "true" : "false");
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
        }
    }

    private static async Task<(string Body, long Version)> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), long.Parse(response.Headers.GetValues("X-CoopGraph-Version").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<JsonNode> ImportAsync(HttpClient client, string lines)
    {
        using var content = new StringContent(lines, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var response = await client.PostAsync("/api/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task WritesAsync(HttpClient client)
    {
        var answers = new[]
        {
            await client.PostAsync("mutation($input: [ActorInput!]!) { upsertActors(input: $input) { errors { message } } }", new
            {
                input = new object[]
                {
                    new { id = "test:feed-coop", kind = "SSE_ACTOR", name = "Coopérative du flux", legalForm = "COOPERATIVE", territoryCode = "97202", themeIds = new[] { "theme:rural-mobility" } },
                    new { id = "test:feed-service", kind = "SERVICE", name = "Service du flux", domain = "TRANSPORT", authorityId = "auth:belcombe" },
                },
            }),
            await client.PostAsync("mutation($input: [LinkInput!]!) { upsertLinks(input: $input) { errors { message } } }", new
            {
                input = new[] { new { id = "test:feed-link", type = "COOPERATES_WITH", sourceId = "test:feed-coop", targetId = "sse:repair-cafe", kind = "PARTNERSHIP", intensity = 3 } },
            }),
            await client.PostAsync("mutation($input: [ActorInput!]!) { upsertActors(input: $input) { errors { message } } }", new
            {
                input = new[] { new { id = "sse:ressourcerie", kind = "SSE_ACTOR", name = "La Ressourcerie, renommée", legalForm = "ASSOCIATION" } },
            }),
            await client.PostAsync("mutation { deleteNodes(ids: [\"sse:repair-cafe\"]) { errors { message } } }"),
        };
        Assert.All(answers, a => Assert.True(a["errors"] is null && a["data"]!.AsObject().Single().Value!["errors"]!.AsArray().Count == 0, a.ToJsonString()));
    }

    private static string[] Sorted(string export) => export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task ACopyBroughtUpToDateWithTheChanges_EqualsAnExportAtTheLaterVersion()
    {
        await using var origin = new DemoApp(seed: true);
        await using var copy = new DemoApp(seed: false);
        var fromOrigin = origin.CreateClient();
        var toCopy = copy.CreateClient();
        var (first, v1) = await ExportAsync(fromOrigin);
        var imported = await ImportAsync(toCopy, first);
        Assert.Equal(0, imported["rejected"]!.GetValue<int>());

        await WritesAsync(fromOrigin);
        using var changes = await fromOrigin.GetAsync($"/api/changes?since={v1}");
        Assert.Equal(HttpStatusCode.OK, changes.StatusCode);
        var lines = await changes.Content.ReadAsStringAsync();
        var applied = await ImportAsync(toCopy, lines);
        var (later, v2) = await ExportAsync(fromOrigin);
        var (copied, _) = await ExportAsync(toCopy);

        Assert.True(v2 > v1);
        Assert.True(applied["rejected"]!.GetValue<int>() == 0, applied.ToJsonString() + "\n" + lines);
        Assert.Contains("\"op\":\"delete\",\"what\":\"node\",\"id\":\"sse:repair-cafe\"", lines, StringComparison.Ordinal);
        Assert.Contains("La Ressourcerie, renommée", lines, StringComparison.Ordinal);
        Assert.Equal(Sorted(later), Sorted(copied));
        Assert.DoesNotContain("test:feed-link", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGraphQLFeed_PagesThroughTheChangesInCommitOrder_AndResumesByCursor()
    {
        await using var app = new DemoApp(seed: true);
        var client = app.CreateClient();
        var (_, v1) = await ExportAsync(client);
        await WritesAsync(client);
        const string query = "query($since: Long, $after: String) { changes(sinceVersion: $since, after: $after, first: 3) { totalCount edges { cursor node { version op id nodeKind linkType } } pageInfo { hasNextPage endCursor } } }";

        var changes = new List<JsonNode>();
        string? after = null;
        var total = -1;
        do
        {
            var page = (await client.PostAsync(query, new { since = v1, after }))["data"]!["changes"]!;
            total = total < 0 ? page["totalCount"]!.GetValue<int>() : total;
            changes.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(total, changes.Count);
        var versions = changes.Select(c => c["version"]!.GetValue<long>()).ToList();
        Assert.Equal(versions.Order().ToList(), versions);
        Assert.Equal(4, versions.Distinct().Count());
        Assert.All(versions, v => Assert.True(v > v1));
        Assert.Contains(changes, c => c["id"]!.GetValue<string>() == "test:feed-coop" && c["op"]!.GetValue<string>() == "UPSERT" && c["nodeKind"]!.GetValue<string>() == "SSE_ACTOR");
        Assert.Contains(changes, c => c["id"]!.GetValue<string>() == "test:feed-link" && c["op"]!.GetValue<string>() == "UPSERT" && c["linkType"]!.GetValue<string>() == "COOPERATES_WITH");
        // The deleted node's links went with it (a cascade), and the feed says so.
        Assert.Contains(changes, c => c["id"]!.GetValue<string>() == "sse:repair-cafe" && c["op"]!.GetValue<string>() == "DELETE");
        Assert.Contains(changes, c => c["id"]!.GetValue<string>() == "test:feed-link" && c["op"]!.GetValue<string>() == "DELETE");
    }

    [Fact]
    public async Task ChangesNoLongerKept_AnswerChangesExpired_WithTheOldestVersionKept()
    {
        await using var app = new DemoApp(seed: true);
        var client = app.CreateClient();
        var (_, v1) = await ExportAsync(client);
        await WritesAsync(client);
        var cursor = (await client.PostAsync("query($since: Long) { changes(sinceVersion: $since, first: 1) { pageInfo { endCursor } } }", new { since = v1 }))["data"]!["changes"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var removed = await app.Services.GetRequiredService<IChangeFeed>().PruneChangesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        var bySince = await client.PostAsync("query($since: Long) { changes(sinceVersion: $since) { totalCount } }", new { since = v1 });
        var byCursor = await client.PostAsync("query($after: String) { changes(after: $after) { totalCount } }", new { after = cursor });
        using var rest = await client.GetAsync($"/api/changes?since={v1}");
        var restBody = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!;
        var (_, now) = await ExportAsync(client);
        var fromNow = await client.PostAsync("query($since: Long) { changes(sinceVersion: $since) { totalCount } }", new { since = now });

        Assert.True(removed > 0);
        foreach (var answer in new[] { bySince, byCursor })
        {
            Assert.True(answer["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() == "CHANGES_EXPIRED", answer.ToJsonString());
            Assert.Equal(now, answer["errors"]![0]!["extensions"]!["oldestVersion"]!.GetValue<long>());
        }
        Assert.Equal(HttpStatusCode.Gone, rest.StatusCode);
        Assert.Equal(now, restBody["errors"]![0]!["extensions"]!["oldestVersion"]!.GetValue<long>());
        Assert.True(fromNow["data"]?["changes"]?["totalCount"]?.GetValue<int>() == 0, fromNow.ToJsonString());
    }
}
