namespace CoopGraph.Api.Tests;

/// <summary>A lab's two feet over HTTP: on the demo's labs, then on a lab founded and linked through the API.</summary>
public sealed class LabBalanceQueryTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_demos_labs_are_ranked_by_balance_with_their_feet_counted()
    {
        var labs = (await _client.PostAsync("""{ labs(scope: { territoryCode: "FR", asOf: "2024-12-31" }) { lab { id } inside outside insideShare imbalance } }"""))["data"]!["labs"]!.AsArray();

        // The demo's labs, located in its territories (a lab written by another test is located nowhere), at the end of 2024.
        // La Fabrique: the région's research and transport services inside, a research lab outside — 2 and 1.
        // Atelier 27: participation and CCAS inside, an association outside — 2 and 1. Both lean inside by 1/6, so by id.
        // Le Labo des usagers drifted inside: its researchers and neighbourhood partners of 2019 gone, three of its
        // département's services and one association left — 3 and 1, leaning inside by 1/4.
        Assert.Equal(["lab:atelier", "lab:fabrique", "lab:usagers"], labs.Select(l => (string)l!["lab"]!["id"]!));
        Assert.Equal([(2, 1), (2, 1), (3, 1)], labs.Select(l => ((int)l!["inside"]!, (int)l["outside"]!)));
        Assert.All(labs.Take(2), l => Assert.Equal(1.0 / 6, (double)l!["imbalance"]!, 12));
        Assert.Equal(0.25, (double)labs[2]!["imbalance"]!, 12);
    }

    [Fact]
    public async Task A_lab_founded_through_the_API_has_its_trend_from_its_founding_and_sees_its_access_to_decisions()
    {
        var written = await _client.PostAsync(
            """
            mutation {
              a: upsertActors(input: [
                { id: "test:dg", kind: SERVICE, name: "Direction générale des services", domain: GOVERNANCE, authorityId: "auth:city-sa", decisionMaking: true },
                { id: "test:lab", kind: INNOVATION_LAB, name: "Lab de test", authorityId: "auth:city-sa", founded: "2021-03-01" }
              ]) { errors { message } }
              l: upsertLinks(input: [
                { type: COOPERATES_WITH, sourceId: "test:lab", targetId: "test:dg", kind: CO_CONSTRUCTION, since: "2022-01-10" },
                { type: COOPERATES_WITH, sourceId: "test:lab", targetId: "sse:gem", kind: SHARED_PROJECT, since: "2021-06-01" }
              ]) { errors { message } }
            }
            """);
        Assert.Empty(written["data"]!["a"]!["errors"]!.AsArray());
        Assert.Empty(written["data"]!["l"]!["errors"]!.AsArray());

        var answer = (await _client.PostAsync(
            """
            { labBalance(labId: "test:lab", asOf: "2023-12-31") {
                lab { founded } hosts { id } insidePartners { id } outsidePartners { id } inside outside insideShare decisionAccess outsideKinds { kind count } trend { year inside outside } }
              actor(id: "test:dg") { ... on Service { decisionMaking } }
              none: labBalance(labId: "sse:gem") { inside } }
            """))["data"]!;

        var balance = answer["labBalance"]!;
        Assert.Equal("2021-03-01", (string)balance["lab"]!["founded"]!);
        Assert.Equal(["auth:city-sa"], balance["hosts"]!.AsArray().Select(h => (string)h!["id"]!));
        Assert.Equal(["test:dg"], balance["insidePartners"]!.AsArray().Select(h => (string)h!["id"]!));
        Assert.Equal(["sse:gem"], balance["outsidePartners"]!.AsArray().Select(h => (string)h!["id"]!));
        Assert.Equal((1, 1, 0.5, true), ((int)balance["inside"]!, (int)balance["outside"]!, (double)balance["insideShare"]!, (bool)balance["decisionAccess"]!));
        Assert.Equal([("SSE_ACTOR", 1)], balance["outsideKinds"]!.AsArray().Select(k => ((string)k!["kind"]!, (int)k["count"]!)));
        // From its founding year: the association in 2021, the general management from 2022.
        Assert.Equal([(2021, 0, 1), (2022, 1, 1), (2023, 1, 1)], balance["trend"]!.AsArray().Select(p => ((int)p!["year"]!, (int)p["inside"]!, (int)p["outside"]!)));
        Assert.True((bool)answer["actor"]!["decisionMaking"]!);
        Assert.Null(answer["none"]);
    }
}
