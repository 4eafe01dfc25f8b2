using System.Text.Json.Nodes;

namespace CoopGraph.Api.Tests;

public sealed class MutationTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<long> VersionAsync() => (await _client.PostAsync("{ graphStats { version } }"))["data"]!["graphStats"]!["version"]!.GetValue<long>();

    private static JsonNode Payload(JsonNode response, string field)
    {
        Assert.Null(response["errors"]);
        return response["data"]![field]!;
    }

    [Fact]
    public async Task UpsertActors_WritesTheActorAndItsRelations_ThenReadsBack()
    {
        var response = await _client.PostAsync("""
            mutation($input: [ActorInput!]!) { upsertActors(input: $input) { ids errors { code } } }
            """, new
        {
            input = new object[]
            {
                new { id = "test:mobility-coop", kind = "SSE_ACTOR", name = "Coopérative Mobilité Test", legalForm = "COOPERATIVE", territoryCode = "97202", themeIds = new[] { "theme:rural-mobility", "theme:youth-mobility" } },
                new { id = "test:mobility-service", kind = "SERVICE", name = "Service mobilité test", domain = "TRANSPORT", authorityId = "auth:belcombe" },
            },
        });

        var payload = Payload(response, "upsertActors");
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(["test:mobility-coop", "test:mobility-service"], payload["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        var actor = (await _client.PostAsync("""{ actor(id: "test:mobility-coop") { name territory { code } themes { id } ... on SseActor { legalForm } } }"""))["data"]!["actor"]!;
        Assert.Equal("Coopérative Mobilité Test", actor["name"]!.GetValue<string>());
        Assert.Equal("97202", actor["territory"]!["code"]!.GetValue<string>());
        Assert.Equal(2, actor["themes"]!.AsArray().Count);
        var service = (await _client.PostAsync("""{ actor(id: "test:mobility-service") { ... on Service { authority { id } } } }"""))["data"]!["actor"]!;
        Assert.Equal("auth:belcombe", service["authority"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALabHostedBySeveralAuthorities_ListsThemAll_AndEachListsTheLab()
    {
        var response = await _client.PostAsync("""
            mutation($input: [ActorInput!]!) { upsertActors(input: $input) { ids errors { code path } } }
            """, new
        {
            input = new object[]
            {
                new { id = "test:shared-lab", kind = "INNOVATION_LAB", name = "Laboratoire partagé", authorityId = "auth:dep-vc", hostIds = new[] { "auth:region", "auth:dep-vc" } },
                new { id = "test:not-a-lab", kind = "SSE_ACTOR", name = "Association", legalForm = "ASSOCIATION", hostIds = new[] { "auth:region" } },
            },
        });
        var refused = Payload(response, "upsertActors")["errors"]!.AsArray().Select(e => string.Join('/', e!["path"]!.AsArray().Select(p => p!.ToString()))).ToList();
        Assert.Equal(["input/1/hostIds"], refused);

        Assert.Empty(Payload(await _client.PostAsync("""
            mutation { upsertActors(input: [{ id: "test:shared-lab", kind: INNOVATION_LAB, name: "Laboratoire partagé", authorityId: "auth:dep-vc", hostIds: ["auth:region", "auth:dep-vc"] }]) { errors { code } } }
            """), "upsertActors")["errors"]!.AsArray());
        var lab = (await _client.PostAsync("""{ actor(id: "test:shared-lab") { ... on InnovationLab { host { id } hosts { id } } } }"""))["data"]!["actor"]!;
        Assert.Equal("auth:dep-vc", lab["host"]!["id"]!.GetValue<string>());
        Assert.Equal(["auth:dep-vc", "auth:region"], lab["hosts"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).Order());
        foreach (var host in new[] { "auth:region", "auth:dep-vc" })
        {
            var labs = (await _client.PostAsync($$"""{ actor(id: "{{host}}") { ... on Authority { labs { id } } } }"""))["data"]!["actor"]!["labs"]!.AsArray();
            Assert.Contains(labs, l => l!["id"]!.GetValue<string>() == "test:shared-lab");
        }
    }

    [Fact]
    public async Task ABatchWithInvalidItems_ReportsEachOfThem_AndWritesNothing()
    {
        var before = await VersionAsync();

        var response = await _client.PostAsync("""
            mutation($input: [ActorInput!]!) { upsertActors(input: $input) { ids errors { code message path } } }
            """, new
        {
            input = new object[]
            {
                new { id = "test:fine", kind = "SSE_ACTOR", name = "Fine", legalForm = "ASSOCIATION" },
                new { id = new string('x', 201), kind = "SSE_ACTOR", name = "Too long", legalForm = "ASSOCIATION" },
                new { id = "test:service", kind = "SERVICE", name = "Service", domain = "SOCIAL", legalForm = "ASSOCIATION", authorityId = "auth:nowhere" },
                new { id = "test:themes", kind = "UNIVERSITY", name = "Lab", themeIds = new[] { "theme:unknown" } },
            },
        });

        var payload = Payload(response, "upsertActors");
        var errors = payload["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), string.Join('/', e["path"]!.AsArray().Select(p => p!.GetValue<string>())))).ToList();
        Assert.Empty(payload["ids"]!.AsArray());
        Assert.Contains(("INVALID_VALUE", "input/1/id"), errors);
        Assert.Contains(("NOT_APPLICABLE", "input/2/legalForm"), errors);
        Assert.Contains(("NOT_FOUND", "input/2/authorityId"), errors);
        Assert.Contains(("NOT_FOUND", "input/3/themeIds/0"), errors);
        Assert.Equal(before, await VersionAsync());
        Assert.Null((await _client.PostAsync("""{ node(id: "test:fine") { id } }"""))["data"]!["node"]);
    }

    [Fact]
    public async Task AnOversizedBatch_IsRefusedBeforeAnyWrite()
    {
        var before = await VersionAsync();
        var themes = Enumerable.Range(0, 1001).Select(i => new { id = $"test:theme-{i}", name = $"Theme {i}", domain = "CULTURE" }).ToArray();

        var response = await _client.PostAsync("mutation($input: [ThemeInput!]!) { upsertThemes(input: $input) { ids } }", new { input = themes });

        Assert.Equal("BAD_USER_INPUT", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task AWrongEnumValue_IsRefusedByValidation_AndWritesNothing()
    {
        var before = await VersionAsync();

        var response = await _client.PostAsync("""mutation { upsertThemes(input: [{ id: "test:t", name: "T", domain: ASTROLOGY }]) { ids } }""");

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task UpsertLinks_WithoutId_IsIdempotent_AndCooperationIsSymmetric()
    {
        const string mutation = "mutation($input: [LinkInput!]!) { upsertLinks(input: $input) { ids errors { code message } } }";
        var forward = Payload(await _client.PostAsync(mutation, new { input = new[] { new { type = "COOPERATES_WITH", sourceId = "sse:repair-cafe", targetId = "sse:ressourcerie", kind = "PARTNERSHIP", intensity = 2 } } }), "upsertLinks");
        var backward = Payload(await _client.PostAsync(mutation, new { input = new[] { new { type = "COOPERATES_WITH", sourceId = "sse:ressourcerie", targetId = "sse:repair-cafe", kind = "SHARED_PROJECT", intensity = 4 } } }), "upsertLinks");

        var id = forward["ids"]![0]!.GetValue<string>();
        Assert.Equal(id, backward["ids"]![0]!.GetValue<string>());
        var links = (await _client.PostAsync("""{ links(filter: { types: [COOPERATES_WITH], nodeId: "sse:repair-cafe" }, first: 100) { nodes { id kind intensity source { id } target { id } } } }"""))["data"]!["links"]!["nodes"]!.AsArray();
        var link = Assert.Single(links, l => l!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(("sse:repair-cafe", "sse:ressourcerie", 4), (link["source"]!["id"]!.GetValue<string>(), link["target"]!["id"]!.GetValue<string>(), link["intensity"]!.GetValue<int>()));
    }

    [Fact]
    public async Task UpsertLinks_RefusesPropertiesForeignToTheType_AndUnknownEnds()
    {
        var response = await _client.PostAsync("""
            mutation { upsertLinks(input: [
              { type: WORKS_ON, sourceId: "sse:gem", targetId: "theme:heritage", intensity: 3 },
              { type: FUNDS, sourceId: "nobody", targetId: "sse:gem", amount: 10 }
            ]) { ids errors { code path } } }
            """);

        var errors = Payload(response, "upsertLinks")["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("NOT_APPLICABLE", errors);
        Assert.Contains("NOT_FOUND", errors);
    }

    [Fact]
    public async Task DeleteNodes_RemovesTheNodeAndItsLinks_AndReportsUnknownIds()
    {
        await _client.PostAsync("""mutation { upsertThemes(input: [{ id: "test:doomed", name: "Doomed", domain: SPORT }]) { ids } }""");
        await _client.PostAsync("""mutation { upsertLinks(input: [{ type: WORKS_ON, sourceId: "sse:club-foot", targetId: "test:doomed" }]) { ids } }""");

        var unknown = Payload(await _client.PostAsync("""mutation { deleteNodes(ids: ["test:doomed", "nobody"]) { ids errors { code path } } }"""), "deleteNodes");
        var deleted = Payload(await _client.PostAsync("""mutation { deleteNodes(ids: ["test:doomed"]) { ids errors { code } } }"""), "deleteNodes");

        Assert.Equal("NOT_FOUND", unknown["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["ids", "1"], unknown["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty(deleted["errors"]!.AsArray());
        var themes = (await _client.PostAsync("""{ actor(id: "sse:club-foot") { themes { id } } }"""))["data"]!["actor"]!["themes"]!.AsArray();
        Assert.DoesNotContain(themes, t => t!["id"]!.GetValue<string>() == "test:doomed");
    }

    [Fact]
    public async Task UpsertPoliciesAndTerritories_LinkThemToOwnersThemesAndParents()
    {
        var territories = Payload(await _client.PostAsync("""
            mutation { upsertTerritories(input: [
              { id: "test:dep", code: "T01", name: "Test département", level: DEPARTEMENT, parentId: "terr:r99" },
              { id: "test:commune", code: "T01001", name: "Test commune", level: COMMUNE, parentId: "test:dep" }
            ]) { ids errors { code message } } }
            """), "upsertTerritories");
        var policies = Payload(await _client.PostAsync("""
            mutation { upsertPolicies(input: [
              { id: "test:policy", name: "Test call", instrument: CALL_FOR_PROJECTS, domains: [YOUTH, SPORT], budget: 12000.50,
                start: "2025-01-01", ownerId: "svc:city-sport", themeIds: ["theme:sport-health"] }
            ]) { ids errors { code message } } }
            """), "upsertPolicies");

        Assert.Empty(territories["errors"]!.AsArray());
        Assert.Empty(policies["errors"]!.AsArray());
        var policy = (await _client.PostAsync("""{ node(id: "test:policy") { ... on Policy { budget start domains owner { id } themes { id } } } }"""))["data"]!["node"]!;
        Assert.Equal(12000.50m, policy["budget"]!.GetValue<decimal>());
        Assert.Equal("svc:city-sport", policy["owner"]!["id"]!.GetValue<string>());
        Assert.Equal("theme:sport-health", policy["themes"]![0]!["id"]!.GetValue<string>());
        var within = (await _client.PostAsync("""{ territories(filter: { withinCode: "T01" }) { totalCount } }"""))["data"]!["territories"]!["totalCount"]!.GetValue<int>();
        Assert.Equal(2, within);
    }
}
