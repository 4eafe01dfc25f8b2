using System.Text.Json.Nodes;

namespace CoopGraph.Api.Tests;

/// <summary>Beneficiary groups involved by policies, stage by stage, written and read over HTTP.</summary>
public sealed class ParticipationQueryTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string Involve = "mutation($links: [LinkInput!]!) { upsertLinks(input: $links) { ids errors { code message path } } }";

    private async Task<JsonNode> WriteAsync()
    {
        var groups = await _client.PostAsync(
            """
            mutation { upsertBeneficiaryGroups(input: [
              { id: "test:young-no-car", name: "Jeunes demandeurs d'emploi sans voiture" },
              { id: "test:tenants", name: "Locataires du quartier Bel-Air", description: "Un groupe, jamais une personne." }
            ]) { ids errors { message } } }
            """);
        Assert.True(groups["data"]?["upsertBeneficiaryGroups"]?["errors"]?.AsArray().Count == 0, groups.ToJsonString());
        var response = await _client.PostAsync(Involve, new
        {
            links = new object[]
            {
                new { type = "INVOLVES", sourceId = "pol:city-digital-contract", targetId = "test:tenants", stage = "DESIGN", since = "2021-02-01" },
                new { type = "INVOLVES", sourceId = "pol:city-digital-contract", targetId = "test:tenants", stage = "EVALUATION" },
                new { type = "INVOLVES", sourceId = "pol:city-culture-subsidy", targetId = "test:young-no-car", stage = "EVALUATION" },
            },
        });
        return response["data"]?["upsertLinks"] ?? throw new InvalidOperationException(response.ToJsonString());
    }

    [Fact]
    public async Task A_policy_involves_a_group_once_per_stage_and_the_authoritys_participation_counts_them()
    {
        var written = await WriteAsync();
        Assert.Empty(written["errors"]!.AsArray());
        // One link per stage: the stage is part of a derived id.
        Assert.Equal(3, written["ids"]!.AsArray().Select(i => (string)i!).Distinct().Count());

        var answer = (await _client.PostAsync(
            """
            { node(id: "pol:city-digital-contract") { ... on Policy { involvement { group { id name } stage since } } }
              group: node(id: "test:tenants") { __typename ... on BeneficiaryGroup { description policies { id } } }
              participation(scope: { authorityId: "auth:city-sa" }) {
                policies involving upstream evaluationOnly byStage { stage policies } byInstrument { instrument policies involving upstream } } }
            """))["data"]!;

        Assert.Equal(
            [("test:tenants", "DESIGN", "2021-02-01"), ("test:tenants", "EVALUATION", null)],
            answer["node"]!["involvement"]!.AsArray().Select(i => ((string)i!["group"]!["id"]!, (string)i["stage"]!, (string?)i["since"])));
        Assert.Equal("BeneficiaryGroup", (string)answer["group"]!["__typename"]!);
        Assert.Equal(["pol:city-digital-contract"], answer["group"]!["policies"]!.AsArray().Select(p => (string)p!["id"]!));
        var participation = answer["participation"]!;
        // The city's services own its three policies: the participatory budget (the demo: reframing and design), the
        // digital mediation contract (written here: design and evaluation), the culture subsidy (here: evaluation only).
        Assert.Equal((3, 3, 2, 1), ((int)participation["policies"]!, (int)participation["involving"]!, (int)participation["upstream"]!, (int)participation["evaluationOnly"]!));
        Assert.Equal(
            [("REFRAMING", 1), ("DESIGN", 2), ("TEST", 0), ("DEPLOYMENT", 0), ("EVALUATION", 2)],
            participation["byStage"]!.AsArray().Select(s => ((string)s!["stage"]!, (int)s["policies"]!)));
    }

    [Fact]
    public async Task An_involvement_needs_its_stage_a_policy_and_a_group()
    {
        await WriteAsync();
        var refused = (await _client.PostAsync(Involve, new
        {
            links = new object[]
            {
                new { type = "INVOLVES", sourceId = "pol:city-culture-subsidy", targetId = "test:tenants" },
                new { type = "INVOLVES", sourceId = "sse:gem", targetId = "test:tenants", stage = "TEST" },
                new { type = "FUNDS", sourceId = "pol:city-culture-subsidy", targetId = "sse:gem", stage = "TEST" },
            },
        }))["data"]!["upsertLinks"]!;

        var codes = refused["errors"]!.AsArray().Select(e => ((string)e!["code"]!, string.Join('.', e["path"]!.AsArray().Select(p => p!.ToString())))).ToList();
        Assert.Contains(("INVALID_VALUE", "input.0.stage"), codes);
        Assert.Contains(codes, c => c.Item2.StartsWith("input.1", StringComparison.Ordinal));
        Assert.Contains(("NOT_APPLICABLE", "input.2.stage"), codes);
        Assert.Empty(refused["ids"]!.AsArray());
    }
}
