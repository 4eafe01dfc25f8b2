using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Api.Commands;
using CoopGraph.Api.Http;

namespace CoopGraph.Api.Tests.Privacy;

/// <summary>Writes across an authority's boundary, through GraphQL and import; what keys, counts and exports show.</summary>
public sealed class PrivateDataWriteTests(PrivateDataFactory factory) : IClassFixture<PrivateDataFactory>
{
    private const string UpsertActor =
        "mutation($a: [ActorInput!]!) { upsertActors(input: $a) { ids errors { code message path } } }";

    private static async Task<JsonNode> PayloadAsync(HttpClient client, string query, object variables, string field) =>
        (await client.PostAsync(query, variables))["data"]![field]!;

    private static string[] Codes(JsonNode payload) =>
        payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray();

    private static object Actor(string id, string name, string? privateTo = null) =>
        new { id, kind = "SSE_ACTOR", name, legalForm = "ASSOCIATION", privateTo };

    [Fact]
    public async Task ABoundKey_WritesPrivateData_AndIsRefusedAcrossTheBoundary()
    {
        using var asA = factory.ClientWith(factory.KeyOfA);

        var own = await PayloadAsync(asA, UpsertActor, new { a = new[] { Actor("test:a-repair", "Repair café d'Aubeterre") } }, "upsertActors");
        var forB = await PayloadAsync(asA, UpsertActor, new { a = new[] { Actor("test:a-other", "x", PrivateDataFactory.AuthorityB) } }, "upsertActors");
        var takenByB = await PayloadAsync(asA, UpsertActor, new { a = new[] { Actor("zorglubb:svc-social", "mine") } }, "upsertActors");
        var publicOne = await PayloadAsync(asA, UpsertActor, new { a = new[] { Actor("sse:pub-velo", "renamed") } }, "upsertActors");
        var linkToB = await PayloadAsync(asA, "mutation($l: [LinkInput!]!) { upsertLinks(input: $l) { ids errors { code message } } }",
            new { l = new[] { new { type = "COOPERATES_WITH", sourceId = "test:a-repair", targetId = "zorglubb:svc-social" } } }, "upsertLinks");
        var linkToPublic = await PayloadAsync(asA, "mutation($l: [LinkInput!]!) { upsertLinks(input: $l) { ids errors { code message } } }",
            new { l = new[] { new { type = "COOPERATES_WITH", sourceId = "test:a-repair", targetId = "sse:pub-epicerie" } } }, "upsertLinks");
        var deleteB = await PayloadAsync(asA, "mutation { deleteNodes(ids: [\"zorglubb:svc-social\"]) { ids errors { code message } } }", new { }, "deleteNodes");
        var deleteNothing = await PayloadAsync(asA, "mutation { deleteNodes(ids: [\"zorglubb:svc-nothin\"]) { ids errors { code message } } }", new { }, "deleteNodes");
        var written = (await asA.PostAsync("{ actor(id: \"test:a-repair\") { privateTo { id } links { nodes { privateTo { id } } } } }"))["data"]!["actor"]!;

        Assert.Empty(Codes(own));
        Assert.Equal(PrivateDataFactory.AuthorityA, written["privateTo"]!["id"]!.GetValue<string>());
        Assert.Equal(PrivateDataFactory.AuthorityA, written["links"]!["nodes"]![0]!["privateTo"]!["id"]!.GetValue<string>());
        Assert.Equal(["FORBIDDEN"], Codes(forB));
        Assert.Equal(["CONFLICT"], Codes(takenByB));
        Assert.DoesNotContain("Bressuire", takenByB.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["FORBIDDEN"], Codes(publicOne));
        Assert.Equal(["NOT_FOUND"], Codes(linkToB));
        Assert.Empty(Codes(linkToPublic));
        Assert.Equal(["NOT_FOUND"], Codes(deleteB));
        Assert.Equal(
            deleteNothing["errors"]![0]!["message"]!.GetValue<string>().Replace("zorglubb:svc-nothin", "zorglubb:svc-social", StringComparison.Ordinal),
            deleteB["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AKeyBoundToNone_WritesPublicData_AndOnlyAnAdministratorNamesAnyAuthority()
    {
        using var unbound = factory.ClientWith(factory.UnboundKey);
        using var admin = factory.ClientWith(factory.AdminKey);
        using var anonymous = factory.ClientWith(null);

        var refused = await PayloadAsync(unbound, UpsertActor, new { a = new[] { Actor("test:u1", "x", PrivateDataFactory.AuthorityA) } }, "upsertActors");
        var publicWrite = await PayloadAsync(unbound, UpsertActor, new { a = new[] { Actor("test:u2", "Ressourcerie") } }, "upsertActors");
        var byAdmin = await PayloadAsync(admin, UpsertActor, new { a = new[] { Actor("test:admin-b", "Chantier d'insertion ZorglubB", PrivateDataFactory.AuthorityB) } }, "upsertActors");
        var theme = await PayloadAsync(admin, "mutation { upsertThemes(input: [{ id: \"test:t\", name: \"t\", domain: CULTURE }]) { ids errors { code } } }", new { }, "upsertThemes");
        var seenByAnonymous = (await anonymous.PostAsync("{ node(id: \"test:admin-b\") { id } }"))["data"]!["node"];

        Assert.Equal(["FORBIDDEN"], Codes(refused));
        Assert.Empty(Codes(publicWrite));
        Assert.Empty(Codes(byAdmin));
        Assert.Empty(Codes(theme));
        Assert.Null(seenByAnonymous);
    }

    [Fact]
    public async Task Import_WithABoundKey_WritesItsPrivateData_AndReportsTheLinesAcrossTheBoundary()
    {
        const string Lines = """
            {"op":"node","kind":"SERVICE","id":"test:import-a-housing","name":"Habitat d'Aubeterre","domain":"HOUSING","authorityId":"auth:pa"}
            {"op":"node","kind":"SSE_ACTOR","id":"zorglubb:svc-social","name":"taken","legalForm":"ASSOCIATION"}
            {"op":"link","type":"COOPERATES_WITH","sourceId":"test:import-a-housing","targetId":"zorglubb:svc-social"}
            {"op":"link","type":"COOPERATES_WITH","sourceId":"test:import-a-housing","targetId":"sse:pub-velo"}
            {"op":"node","kind":"SSE_ACTOR","id":"test:import-a-b","name":"x","legalForm":"ASSOCIATION","privateTo":"auth:pb"}
            """;
        using var asA = factory.ClientWith(factory.KeyOfA);

        using var response = await asA.PostAsync("/api/import", new StringContent(Lines, Encoding.UTF8, InterchangeEndpoints.NdjsonMediaType));
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        using var anonymous = factory.ClientWith(null);
        var asPublic = (await anonymous.PostAsync("{ node(id: \"test:import-a-housing\") { id } }"))["data"]!["node"];
        var asItself = (await asA.PostAsync("{ node(id: \"test:import-a-housing\") { ... on Actor { privateTo { id } links { totalCount } } } }"))["data"]!["node"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 1), (report["nodesWritten"]!.GetValue<int>(), report["linksWritten"]!.GetValue<int>()));
        var rejected = report["rejectedLines"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["reason"]!.GetValue<string>())).ToList();
        Assert.Equal([2, 3, 5], rejected.Select(r => r.Item1));
        Assert.Contains("taken", rejected[0].Item2, StringComparison.Ordinal);
        Assert.Contains("No node has id 'zorglubb:svc-social'", rejected[1].Item2, StringComparison.Ordinal);
        Assert.Null(asPublic);
        Assert.Equal(PrivateDataFactory.AuthorityA, asItself["privateTo"]!["id"]!.GetValue<string>());
        Assert.Equal(2, asItself["links"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task CountsAndExports_AreThoseOfTheViewersGraph()
    {
        using var anonymous = factory.ClientWith(null);
        using var asA = factory.ClientWith(factory.KeyOfA);
        using var admin = factory.ClientWith(factory.AdminKey);

        async Task<(long Nodes, long Links)> StatsAsync(HttpClient client)
        {
            var stats = (await client.PostAsync("{ graphStats { nodes links } }"))["data"]!["graphStats"]!;
            return (stats["nodes"]!.GetValue<long>(), stats["links"]!.GetValue<long>());
        }
        var (publicStats, aStats, allStats) = (await StatsAsync(anonymous), await StatsAsync(asA), await StatsAsync(admin));
        var publicExport = await anonymous.GetStringAsync("/api/export");
        var aExport = await asA.GetStringAsync("/api/export");

        Assert.True(publicStats.Nodes < aStats.Nodes && aStats.Nodes < allStats.Nodes, $"{publicStats} {aStats} {allStats}");
        Assert.True(publicStats.Links < aStats.Links && aStats.Links < allStats.Links, $"{publicStats} {aStats} {allStats}");
        Assert.DoesNotContain("privateTo", publicExport, StringComparison.Ordinal);
        Assert.DoesNotContain("zorglub", publicExport, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"privateTo\":\"auth:pa\"", aExport, StringComparison.Ordinal);
        Assert.DoesNotContain("zorglubb", aExport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysVerb_BindsAKeyToAnAuthority_AndRefusesOneThatIsNot()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        string[] store = ["--Graph:Embedded:Path", factory.DatabasePath];

        var created = await KeysCommand.RunAsync(["create", "--name", "manager-a-cli", "--scopes", "read", "--authority", PrivateDataFactory.AuthorityA, .. store], output, errors, CancellationToken.None);
        var key = output.ToString().Trim().Split('\n')[^1].Trim();
        var notAnAuthority = await KeysCommand.RunAsync(["create", "--name", "wrong", "--scopes", "read", "--authority", "sse:pub-velo", .. store], output, errors, CancellationToken.None);
        using var listing = new StringWriter();
        await KeysCommand.RunAsync(["list", .. store], listing, errors, CancellationToken.None);
        using var client = factory.ClientWith(key);
        var seen = (await client.PostAsync("{ node(id: \"zorgluba:svc-mobility\") { id } }"))["data"]!["node"];

        Assert.Equal((0, 1), (created, notAnAuthority));
        Assert.Contains("bound to auth:pa", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("No authority has id 'sse:pub-velo'", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains(listing.ToString().Split('\n'), line => line.StartsWith("manager-a-cli\t", StringComparison.Ordinal) && line.Contains("\tauth:pa\t", StringComparison.Ordinal));
        Assert.Equal("zorgluba:svc-mobility", seen?["id"]?.GetValue<string>());
    }
}
