namespace CoopGraph.Api.Tests;

/// <summary>reach over HTTP: a région's policy for its lycées, written through the API, figures by hand.</summary>
public sealed class ReachQueryTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task WriteAsync()
    {
        var lycees = Enumerable.Range(1, 5).Select(i => new
        {
            id = $"test:lycee-{i}", kind = "ESTABLISHMENT", name = $"Lycée {i}", authorityId = "auth:region", category = "LYCEE", @public = true,
        });
        var written = await _client.PostAsync(
            """
            mutation($lycees: [ActorInput!]!, $links: [LinkInput!]!) {
              p: upsertPolicies(input: [{ id: "test:pol-lycees", name: "Lycées coopératifs", instrument: PARTNERSHIP_AGREEMENT, ownerId: "svc:region-schools" }]) { errors { message } }
              a: upsertActors(input: $lycees) { errors { message } }
              l: upsertLinks(input: $links) { errors { message } }
            }
            """,
            new
            {
                lycees,
                links = new object[]
                {
                    new { type = "TARGETS", sourceId = "test:pol-lycees", targetId = "test:lycee-1" },
                    new { type = "TARGETS", sourceId = "test:pol-lycees", targetId = "test:lycee-2" },
                    new { type = "TARGETS", sourceId = "test:pol-lycees", targetId = "test:lycee-3" },
                    new { type = "IMPLEMENTS", sourceId = "test:lycee-1", targetId = "test:pol-lycees", since = "2021-09-01" },
                    new { type = "COOPERATES_WITH", sourceId = "test:lycee-1", targetId = "test:lycee-2", kind = "PARTNERSHIP", since = "2023-01-15" },
                    new { type = "COOPERATES_WITH", sourceId = "test:lycee-1", targetId = "sse:scic-bois", kind = "PARTNERSHIP", since = "2022-03-01" },
                },
            });
        foreach (var field in new[] { "p", "a", "l" })
        {
            Assert.Empty(written["data"]![field]!["errors"]!.AsArray());
        }
    }

    [Fact]
    public async Task A_policy_for_a_regions_lycees_reports_its_spread_and_uptake()
    {
        await WriteAsync();

        var reach = (await _client.PostAsync(
            """
            { all: actors(filter: { kinds: [ESTABLISHMENT] }, first: 0) { totalCount }
              reach(from: "test:pol-lycees") {
                establishments reached reachedEstablishments establishmentShare engaged engagedWithSse undated
                adoption { year engaged } actors { actor { id } establishment engaged engagedWithSse engagedIn }
                establishmentList { actor { id } reached engaged } } }
            """))["data"]!;
        var all = (int)reach["all"]!["totalCount"]!;
        reach = reach["reach"]!;

        // Every establishment of the graph is the région's (the demo's ten lycées and the five written here); three of
        // these are targeted; lycée 1 implements (2021), lycée 2 cooperates with it (2023).
        Assert.Equal((all, 3, 3, 3.0 / all), ((int)reach["establishments"]!, (int)reach["reached"]!, (int)reach["reachedEstablishments"]!, (double)reach["establishmentShare"]!));
        Assert.Equal((2, 1, 0), ((int)reach["engaged"]!, (int)reach["engagedWithSse"]!, (int)reach["undated"]!));
        Assert.Equal([(2021, 1), (2022, 1), (2023, 2)], reach["adoption"]!.AsArray().Select(p => ((int)p!["year"]!, (int)p["engaged"]!)));
        // Every lycée of the région, reached or not, for the grid of where it has spread.
        Assert.Equal(
            [("test:lycee-1", true, true), ("test:lycee-2", true, true), ("test:lycee-3", true, false), ("test:lycee-4", false, false), ("test:lycee-5", false, false)],
            reach["establishmentList"]!.AsArray().Where(e => ((string)e!["actor"]!["id"]!).StartsWith("test:", StringComparison.Ordinal))
                .Select(e => ((string)e!["actor"]!["id"]!, (bool)e["reached"]!, (bool)e["engaged"]!)));
        var first = reach["actors"]![0]!;
        Assert.Equal(("test:lycee-1", true, true, true, 2021), ((string)first["actor"]!["id"]!, (bool)first["establishment"]!, (bool)first["engaged"]!, (bool)first["engagedWithSse"]!, (int)first["engagedIn"]!));
    }

    [Theory]
    [InlineData("""{ reach(from: "sse:scic-bois") { reached } }""")]
    [InlineData("""{ reach(from: "nobody") { reached } }""")]
    public async Task Reach_starts_from_a_policy_or_a_service(string query)
    {
        var response = await _client.PostAsync(query);

        Assert.Equal("BAD_USER_INPUT", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
