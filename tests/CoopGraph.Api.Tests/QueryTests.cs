using CoopGraph.Domain.Model;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace CoopGraph.Api.Tests;

public sealed class QueryTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Actor_WithItsServicesThemesAndLinks_MatchesSnapshot()
    {
        var response = await _client.PostAsync("""
            {
              actor(id: "svc:city-ccas") {
                id name kind
                territory { code name }
                themes { id name domain }
                ... on Service { domain authority { id name level parent { id } } }
                links(types: [COOPERATES_WITH], first: 3) {
                  totalCount
                  edges { node { type kind intensity since until source { id } target { id } } }
                  pageInfo { hasNextPage hasPreviousPage }
                }
              }
            }
            """);

        Snapshot.Match(response.ToJsonString());
    }

    [Theory]
    [InlineData("D98", null)]
    [InlineData("R99", "SSE_ACTOR")]
    [InlineData("98101", null)]
    public async Task Actors_InATerritory_AreTheStoresListing_PagedByCursors(string code, string? kind)
    {
        var kinds = kind is null ? Enum.GetValues<ActorKind>().Select(k => k.ToNodeKind()).ToArray() : [ActorKind.SseActor.ToNodeKind()];
        var store = factory.Services.GetRequiredService<CoopGraph.Graph.IGraphStore>();
        var expected = await store.ListNodesAsync(Viewer.Everything, new CoopGraph.Graph.NodeQuery { Kinds = kinds, TerritoryCode = code }, new CoopGraph.Graph.PageRequest(100, null), CancellationToken.None);
        var filter = kind is null ? $"{{ territoryCode: \"{code}\" }}" : $"{{ territoryCode: \"{code}\", kinds: [{kind}] }}";

        var ids = new List<string>();
        string? after = null;
        long total = -1;
        do
        {
            var page = (await _client.PostAsync($"query($after: String) {{ actors(filter: {filter}, first: 4, after: $after) {{ totalCount nodes {{ id }} pageInfo {{ endCursor hasNextPage }} }} }}", new { after }))["data"]!["actors"]!;
            total = (long)page["totalCount"]!;
            ids.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);

        Assert.True(expected.TotalCount > 4);
        Assert.Equal(expected.TotalCount, total);
        Assert.Equal(expected.Items.Select(i => i.Item.Id), ids);
    }

    [Fact]
    public async Task Actors_FilteredByKindDomainAndTerritory_MatchesSnapshot()
    {
        var response = await _client.PostAsync("""
            {
              actors(filter: { kinds: [SSE_ACTOR], domains: [TRANSPORT], territoryCode: "D97" }, first: 10) {
                totalCount
                nodes { id name ... on SseActor { legalForm } territory { code } }
              }
            }
            """);

        Snapshot.Match(response.ToJsonString());
    }

    [Fact]
    public async Task Actors_PagesWithCursors_UntilTheEnd()
    {
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = (await _client.PostAsync(
                "query($after: String) { actors(filter: { kinds: [SERVICE] }, first: 9, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }",
                new { after }))["data"]!["actors"]!;
            total = page["totalCount"]!.GetValue<int>();
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("{ actors(first: 101) { totalCount } }")]
    [InlineData("{ actors(first: -1) { totalCount } }")]
    [InlineData("""{ actors(after: "not-a-cursor") { totalCount } }""")]
    [InlineData("""{ actors(after: "Y2cxOmFiYw==") { totalCount } }""")]
    public async Task BadPagingArguments_AreBadUserInput(string query)
    {
        var response = await _client.PostAsync(query);

        var error = response["errors"]![0]!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("Exception", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nodes_KeepsTheOrderAsked_WithNullForUnknownIds()
    {
        var response = await _client.PostAsync("""{ nodes(ids: ["theme:heritage", "nobody", "terr:d97"]) { id __typename } }""");

        var nodes = response["data"]!["nodes"]!.AsArray();
        Assert.Equal("theme:heritage", nodes[0]!["id"]!.GetValue<string>());
        Assert.Null(nodes[1]);
        Assert.Equal("Territory", nodes[2]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_FindsNodesOfEveryKind()
    {
        var response = await _client.PostAsync("""{ search(text: "mobilite", first: 20) { id __typename } }""");

        var kinds = response["data"]!["search"]!.AsArray().Select(n => n!["__typename"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("Theme", kinds);
        Assert.Contains("Service", kinds);
    }

    [Fact]
    public async Task Links_FilteredByValidity_LeaveOutEndedCooperation()
    {
        const string query = "query($at: Date) { links(filter: { types: [COOPERATES_WITH], nodeId: \"svc:depms-roads\", validAt: $at }) { totalCount } }";

        var in2017 = await _client.PostAsync(query, new { at = "2017-06-01" });
        var in2024 = await _client.PostAsync(query, new { at = "2024-06-01" });

        Assert.Equal(1, in2017["data"]!["links"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(2, in2024["data"]!["links"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Links_FilteredByYearInstrumentAndAmount_GiveThoseGrants()
    {
        // The demo's calls for projects of 2024 are 45,000, 25,000, 30,000 and 55,000 euros: three reach 30,000.
        const string query = """
            { links(filter: { fromYear: 2024, toYear: 2024, instruments: [CALL_FOR_PROJECTS], minAmount: 30000 }) {
                totalCount nodes { amount year instrument } } }
            """;

        var response = await _client.PostAsync(query);

        var links = response["data"]!["links"]!;
        Assert.Equal(3, links["totalCount"]!.GetValue<int>());
        Assert.Equal([30000m, 45000m, 55000m], links["nodes"]!.AsArray().Select(n => n!["amount"]!.GetValue<decimal>()).Order());
        Assert.All(links["nodes"]!.AsArray(), n => Assert.Equal("CALL_FOR_PROJECTS", n!["instrument"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Links_WithAnEmptyRange_AreRefusedAsBadInput()
    {
        var response = await _client.PostAsync("{ links(filter: { fromYear: 2024, toYear: 2020 }) { totalCount } }");

        Assert.Equal("BAD_USER_INPUT", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("fromYear", response["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHundredActorsWithLinksThemesAndTerritories_CostAConstantNumberOfStoreCalls()
    {
        const string query = """
            query($first: Int) {
              actors(first: $first) {
                nodes {
                  id territory { code parent { code } } themes { id }
                  links(first: 5) { totalCount nodes { source { id } target { id } } }
                  ... on Service { authority { id } }
                }
              }
            }
            """;
        await _client.PostAsync(query, new { first = 1 });

        factory.Counter!.Reset();
        var ten = await _client.PostAsync(query, new { first = 10 });
        var callsForTen = factory.Counter.Calls;
        factory.Counter.Reset();
        var hundred = await _client.PostAsync(query, new { first = 100 });
        var callsForHundred = factory.Counter.Calls;

        Assert.Equal(100, hundred["data"]!["actors"]!["nodes"]!.AsArray().Count);
        Assert.Equal(10, ten["data"]!["actors"]!["nodes"]!.AsArray().Count);
        Assert.Equal(callsForTen, callsForHundred);
        Assert.InRange(callsForHundred, 1, 12);
    }

    [Fact]
    public async Task APolicy_ListsItsApplicantsOnce_AndItsFunders_AndAnAuthorityItsLabs()
    {
        var response = await _client.PostAsync("""
            {
              call: node(id: "pol:region-ess-call") { ... on Policy { applicants { id } funders { id } owner { id } } }
              region: actor(id: "auth:region") { ... on Authority { labs { id host { id } } } }
            }
            """);

        var call = response["data"]!["call"]!;
        Assert.Equal(DemoApplicantsOfTheEssCall, call["applicants"]!.AsArray().Select(a => (string)a!["id"]!).Order(StringComparer.Ordinal));
        Assert.Empty(call["funders"]!.AsArray());
        Assert.Equal("svc:region-economy", (string)call["owner"]!["id"]!);
        var lab = Assert.Single(response["data"]!["region"]!["labs"]!.AsArray());
        Assert.Equal(("lab:fabrique", "auth:region"), ((string)lab!["id"]!, (string)lab["host"]!["id"]!));
    }

    /// <summary>The demo's [applications] rows naming pol:region-ess-call, by applicant.</summary>
    private static readonly string[] DemoApplicantsOfTheEssCall = [
        "sse:chantier-insertion-rives", "sse:coop-activite", "sse:cuisine-insertion", "sse:esat-vallee",
        "sse:jardins-cocagne", "sse:recyclerie-lanterne", "sse:regie-quartier", "sse:repair-cafe",
        "sse:ressourcerie", "sse:scic-bois", "sse:scic-paysanne",
    ];
}
