using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit;

namespace CoopGraph.Api.Tests;

/// <summary>Every analytics query on the demo data through /graphql, snapshotted; plus their argument limits.</summary>
public sealed class AnalyticsQueryTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Queries => new()
    {
        { "transversality", """
            { transversality(authorityId: "auth:city-sa") {
                authority { id } services { id } domains serviceLinks transversalLinks linkShare domainPairs coveredDomainPairs domainPairCoverage
                matrix { a b direct bridged covered } siloDomains eiIndex domainEi { domain external internal eiIndex }
                bridges(first: 5) { actor { id } domains domainPairs links }
                trend(fromYear: 2010, toYear: 2024) { year serviceLinks transversalLinks linkShare domainPairCoverage } } }
            """ },
        { "transversalLinks", """{ transversalLinks(scope: { authorityId: "auth:dep-vc" }, first: 50) { totalCount nodes { id source { id } target { id } } pageInfo { hasNextPage } } }""" },
        { "cooperationGaps", """{ cooperationGaps(scope: { authorityId: "auth:dep-vc" }, first: 10) { totalCount edges { cursor node { source { id } target { id } score hops reasons { kind weight detail nodes { id } } } } pageInfo { hasNextPage endCursor } } }""" },
        { "domainGaps", """{ domainGaps(authorityId: "auth:dep-ms") { a b sharedThemes { id } servicesA { id } servicesB { id } } }""" },
        { "fundingSummary", """{ fundingSummary(groupBy: [FUNDER, YEAR]) { amount grants beneficiaries groups(first: 5) { funder { id } year amount grants beneficiaries } } }""" },
        { "competitionHotspots", """{ competitionHotspots(first: 10) { policy { id name } applicants applicantPairs cooperatingPairs cooperatingPairShare applicantActors { id } } }""" },
        { "path", """{ path(from: "sse:auto-ecole-sociale", to: "svc:depms-roads", linkTypes: [COOPERATES_WITH, WORKS_ON], maxHops: 6) { hops nodes { id __typename } links { id type } } }""" },
        { "brokers", """{ brokers(first: 15) { actor { id } betweenness bridgedDomainPairs exact errorBound } }""" },
        { "communities", """{ communities { modularity siloAlignment actors links communityCount communities(minSize: 2) { id size domains members(first: 100) { totalCount nodes { id } } } } }""" },
        { "authorityRanking", """{ authorityRanking(first: 5) { authority { id name } services serviceLinks } }""" },
        { "scopeNetwork", """{ scopeNetwork(scope: { territoryCode: "D97" }, first: 12) { actors actorsByKind { kind count } policies links isolated truncated nodes { id __typename } edges { id type source { id } target { id } } } }""" },
        { "instrumentComparison", """{ instrumentComparison { instrument policies measured meanDifferenceInDifferences effects { policy { id } startYear years participants { size pairs cooperatingBefore cooperatingAfter shareBefore shareAfter } comparison { size pairs cooperatingBefore cooperatingAfter } differenceInDifferences reason } } }""" },
        { "territoryRanking", """{ territoryRanking(first: 5) { territory { id code level } actors } }""" },
        { "graphStats", """{ graphStats { nodes links version projectionVersion nodesByKind { kind count } linksByType { type count } } }""" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task AnalyticsQuery_OnTheDemoData_MatchesSnapshot(string name, string query)
    {
        var response = await _client.PostAsync(query);

        Assert.Null(response["errors"]);
        Snapshot.Match(response.ToJsonString(), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task TransversalLinks_PageWithCursors_AsOneListing()
    {
        const string query = "query($after: String, $first: Int) { transversalLinks(scope: { authorityId: \"auth:city-sa\" }, first: $first, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }";
        var whole = (await _client.PostAsync(query, new { first = 4 }))["data"]!["transversalLinks"]!;
        var first = (await _client.PostAsync(query, new { first = 2 }))["data"]!["transversalLinks"]!;
        var second = (await _client.PostAsync(query, new { first = 2, after = (string)first["pageInfo"]!["endCursor"]! }))["data"]!["transversalLinks"]!;

        var ids = (JsonNode page) => page["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        Assert.Equal(4, ids(whole).Count);
        Assert.Equal(ids(whole), ids(first).Concat(ids(second)).ToList());
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task AuthorityRanking_CountsTheServiceLinksOfTheTransversalityReport()
    {
        var ranking = (await _client.PostAsync("""{ authorityRanking(first: 100) { authority { id } serviceLinks } }"""))["data"]!["authorityRanking"]!.AsArray();

        Assert.True(ranking.Count >= 5);
        foreach (var rank in ranking)
        {
            var id = (string)rank!["authority"]!["id"]!;
            var report = await _client.PostAsync("query($id: ID!) { transversality(authorityId: $id) { serviceLinks } }", new { id });
            Assert.Equal((int)rank["serviceLinks"]!, (int)report["data"]!["transversality"]!["serviceLinks"]!);
        }
    }

    [Fact]
    public async Task GapsInvolvingAnAuthoritysServices_AndGapsBetweenItsPartners_PartitionItsGaps()
    {
        var services = (await _client.PostAsync("""{ actor(id: "auth:city-sa") { ... on Authority { services { id } } } }"""))["data"]!["actor"]!["services"]!
            .AsArray().Select(s => (string)s!["id"]!).ToHashSet();
        var gaps = (await _client.PostAsync(
            """
            query($s: [ID!]!) {
              all: cooperationGaps(scope: { authorityId: "auth:city-sa" }, first: 100) { totalCount }
              ofServices: cooperationGaps(scope: { authorityId: "auth:city-sa" }, first: 100, involving: $s) { totalCount nodes { source { id } target { id } } }
              betweenPartners: cooperationGaps(scope: { authorityId: "auth:city-sa" }, first: 100, notInvolving: $s) { totalCount nodes { source { id } target { id } } }
            }
            """, new { s = services }))["data"]!;

        var ofServices = gaps["ofServices"]!["nodes"]!.AsArray();
        var between = gaps["betweenPartners"]!["nodes"]!.AsArray();
        Assert.NotEmpty(ofServices);
        Assert.NotEmpty(between);
        Assert.All(ofServices, g => Assert.True(services.Contains((string)g!["source"]!["id"]!) || services.Contains((string)g["target"]!["id"]!)));
        Assert.All(between, g => Assert.False(services.Contains((string)g!["source"]!["id"]!) || services.Contains((string)g["target"]!["id"]!)));
        Assert.Equal((int)gaps["all"]!["totalCount"]!, (int)gaps["ofServices"]!["totalCount"]! + (int)gaps["betweenPartners"]!["totalCount"]!);
    }

    [Theory]
    [InlineData("""{ cooperationGaps(first: 101) { totalCount } }""")]
    [InlineData("""{ fundingSummary { groups(first: 1001) { amount } } }""")]
    [InlineData("""{ competitionHotspots(first: 101) { applicants } }""")]
    [InlineData("""{ competitionHotspots(maxCooperatingShare: 1.5) { applicants } }""")]
    [InlineData("""{ brokers(first: 1001) { betweenness } }""")]
    [InlineData("""{ scopeNetwork(first: 5001) { actors } }""")]
    [InlineData("""{ territoryRanking(withinCode: "nowhere") { actors } }""")]
    [InlineData("""{ instrumentEffect(policyId: "sse:gem") { reason } }""")]
    [InlineData("""{ instrumentEffect(policyId: "pol:region-ess-call", years: 0) { reason } }""")]
    [InlineData("""{ instrumentComparison(years: 21) { policies } }""")]
    [InlineData("""{ scopeNetwork(scope: { territoryCode: "nowhere" }) { actors } }""")]
    [InlineData("""{ transversality(authorityId: "sse:gem") { linkShare } }""")]
    [InlineData("""{ transversality(authorityId: "auth:city-sa") { trend(fromYear: 2024, toYear: 2010) { year } } }""")]
    [InlineData("""{ cooperationGaps(scope: { territoryCode: "nowhere" }) { totalCount } }""")]
    [InlineData("""{ path(from: "sse:gem", to: "nobody") { hops } }""")]
    [InlineData("""{ path(from: "sse:gem", to: "sse:gem", maxHops: 13) { hops } }""")]
    [InlineData("""{ cooperationGaps(after: "bm90IGEgY3Vyc29y") { totalCount } }""")]
    public async Task BadAnalyticsArguments_AreBadUserInput(string query)
    {
        var response = await _client.PostAsync(query);

        Assert.Equal("BAD_USER_INPUT", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_territorys_network_holds_the_actors_a_listing_finds_there_and_only_links_among_its_nodes()
    {
        var answer = (await _client.PostAsync(
            """
            {
              listed: actors(filter: { territoryCode: "D97" }, first: 0) { totalCount }
              network: scopeNetwork(scope: { territoryCode: "D97" }, first: 2000) {
                actors actorsByKind { count } policies links truncated
                nodes { id __typename } edges { source { id } target { id } }
              }
            }
            """))["data"]!;

        var network = answer["network"]!;
        var actors = network["actors"]!.GetValue<int>();
        Assert.Equal(answer["listed"]!["totalCount"]!.GetValue<int>(), actors);
        Assert.Equal(actors, network["actorsByKind"]!.AsArray().Sum(k => k!["count"]!.GetValue<int>()));
        var nodes = network["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToHashSet();
        // Not truncated: every actor and every programme that reaches one, each once; the edges are every link among them.
        Assert.False(network["truncated"]!.GetValue<bool>());
        Assert.Equal(actors + network["policies"]!.GetValue<int>(), nodes.Count);
        Assert.Equal(network["policies"]!.GetValue<int>(), network["nodes"]!.AsArray().Count(n => n!["__typename"]!.GetValue<string>() == "Policy"));
        var edges = network["edges"]!.AsArray();
        Assert.Equal(network["links"]!.GetValue<int>(), edges.Count);
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(nodes.Contains(e!["source"]!["id"]!.GetValue<string>()) && nodes.Contains(e["target"]!["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Each_level_of_the_territory_ranking_counts_what_a_listing_finds_there()
    {
        const string Ranking = "query($within: String) { territoryRanking(withinCode: $within, first: 100) { territory { code } actors } }";
        const string Listing = "query($code: String!) { actors(filter: { territoryCode: $code }, first: 0) { totalCount } }";
        var checkedLevels = 0;
        string? within = null;
        while (true)
        {
            var ranked = (await _client.PostAsync(Ranking, new { within }))["data"]!["territoryRanking"]!.AsArray();
            if (ranked.Count == 0)
            {
                break;
            }
            var counts = ranked.Select(r => r!["actors"]!.GetValue<int>()).ToList();
            Assert.Equal(counts.OrderDescending(), counts);
            foreach (var row in ranked)
            {
                var code = row!["territory"]!["code"]!.GetValue<string>();
                var listed = (await _client.PostAsync(Listing, new { code }))["data"]!["actors"]!["totalCount"]!.GetValue<int>();
                Assert.Equal(listed, row["actors"]!.GetValue<int>());
            }
            checkedLevels++;
            within = ranked[0]!["territory"]!["code"]!.GetValue<string>();
        }
        Assert.True(checkedLevels >= 2, $"{checkedLevels} level(s) of the demo's territories hold actors");
    }

    [Fact]
    public async Task A_policys_effect_is_the_one_its_instrument_comparison_lists()
    {
        const string Fields = "policy { id } startYear participants { size cooperatingBefore cooperatingAfter } comparison { size cooperatingBefore cooperatingAfter } differenceInDifferences reason";
        var answer = (await _client.PostAsync(
            $$"""{ one: instrumentEffect(policyId: "pol:region-ess-call") { {{Fields}} } all: instrumentComparison { instrument effects { {{Fields}} } } }"""))["data"]!;

        var calls = answer["all"]!.AsArray().Single(s => s!["instrument"]!.GetValue<string>() == "CALL_FOR_PROJECTS")!;
        var listed = calls["effects"]!.AsArray().Single(e => e!["policy"]!["id"]!.GetValue<string>() == "pol:region-ess-call")!;
        Assert.Equal(answer["one"]!.ToJsonString(), listed.ToJsonString());
        // The demo's call started in 2021 (its start date), and its applicants are its participants.
        Assert.Equal(2021, answer["one"]!["startYear"]!.GetValue<int>());
        Assert.True(answer["one"]!["participants"]!["size"]!.GetValue<int>() >= 3);
    }

    [Fact]
    public async Task CompetitionHotspots_AreCallsWhoseApplicantsRarelyCooperate_UnlessAskedForEveryCall()
    {
        const string Query = "query($max: Float) { competitionHotspots(first: 100, maxCooperatingShare: $max) { policy { id } cooperatingPairShare } }";
        async Task<JsonArray> HotspotsAsync(double? max) => (await _client.PostAsync(Query, new { max }))["data"]!["competitionHotspots"]!.AsArray();
        static IEnumerable<string> Ids(IEnumerable<JsonNode?> hotspots) => hotspots.Select(h => h!["policy"]!["id"]!.GetValue<string>());
        static double Share(JsonNode? hotspot) => hotspot!["cooperatingPairShare"]!.GetValue<double>();
        var every = await HotspotsAsync(1.0);

        // By default, the calls where at most half the applicant pairs cooperate; with a threshold, those under it.
        Assert.Equal(Ids(every.Where(h => Share(h) <= 0.5)), Ids(await HotspotsAsync(null)));
        Assert.Equal(Ids(every.Where(h => Share(h) <= 0.2)), Ids(await HotspotsAsync(0.2)));
        Assert.Contains(every, h => Share(h) <= 0.2);
        Assert.Contains(every, h => Share(h) > 0.2);
    }

    [Fact]
    public async Task Brokers_AcceptUpToAThousandForAnalysts()
    {
        var response = await _client.PostAsync("""{ brokers(first: 1000) { actor { id } } }""");

        Assert.Null(response["errors"]);
        Assert.InRange(response["data"]!["brokers"]!.AsArray().Count, 100, 1000);
        var metadata = response["extensions"]!["brokers"]!;
        Assert.True(metadata["exact"]!.GetValue<bool>());
        Assert.Equal(response["data"]!["brokers"]!.AsArray().Count, metadata["actors"]!.GetValue<int>());
    }

    [Fact]
    public async Task CooperationGaps_PageThroughEveryGapOnce()
    {
        const string query = "query($after: String) { cooperationGaps(scope: { authorityId: \"auth:city-sa\" }, first: 7, after: $after) { totalCount nodes { source { id } target { id } score } pageInfo { hasNextPage endCursor } } }";
        var seen = new List<(string, string, double)>();
        string? after = null;
        int total;
        do
        {
            var page = (await _client.PostAsync(query, new { after }))["data"]!["cooperationGaps"]!;
            total = page["totalCount"]!.GetValue<int>();
            seen.AddRange(page["nodes"]!.AsArray().Select(n => (n!["source"]!["id"]!.GetValue<string>(), n["target"]!["id"]!.GetValue<string>(), n["score"]!.GetValue<double>())));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Select(s => (s.Item1, s.Item2)).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.Item3).Select(s => s.Item3), seen.Select(s => s.Item3));
    }
}

/// <summary>Writes in their own app, so that the snapshots above keep seeing the demo data as it is.</summary>
public sealed class AnalyticsFreshnessTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Analytics_SeeAWriteAtOnce()
    {
        var before = (await _client.PostAsync("""{ transversality(authorityId: "auth:belcombe") { transversalLinks } }"""))["data"]!["transversality"]!["transversalLinks"]!.GetValue<int>();

        await _client.PostAsync("""mutation { upsertLinks(input: [{ type: COOPERATES_WITH, sourceId: "svc:belcombe-works", targetId: "sse:mission-locale-ms", kind: PARTNERSHIP, intensity: 2 }]) { ids } }""");
        var after = (await _client.PostAsync("""{ transversality(authorityId: "auth:belcombe") { transversalLinks } }"""))["data"]!["transversality"]!["transversalLinks"]!.GetValue<int>();

        Assert.Equal(before + 1, after);
    }
}
