using CoopGraph.Domain.Analytics.Centrality;
using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Analytics.Gaps;
using CoopGraph.Domain.Analytics.Paths;

namespace CoopGraph.Domain.Tests;

/// <summary>Our analytics against networkx and igraph on the same graphs (fixtures made by Fixtures/make-fixtures.sh).</summary>
public sealed class ReferenceAgreementTests
{
    public static TheoryData<string> Fixtures => new() { "random-300", "planted-240", "attachment-1000", "demo-cooperation" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Betweenness_AgreesWithNetworkx(string fixture)
    {
        var g = ReferenceGraph.LoadFixture(fixture);

        var result = Betweenness.Compute(g.Graph);

        Assert.True(result.Exact);
        Assert.Equal(g.Reference.GetProperty("nodes").GetInt32(), g.Graph.NodeCount);
        Assert.Equal(g.Reference.GetProperty("edges").GetInt32(), g.Graph.EdgeCount);
        foreach (var node in g.Reference.GetProperty("betweenness").EnumerateObject())
        {
            Assert.Equal(node.Value.GetDouble(), result.Scores[g.Index(node.Name)], 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Components_AgreeWithNetworkx(string fixture)
    {
        var g = ReferenceGraph.LoadFixture(fixture);

        var components = Traversal.Components(g.Graph).Select(c => c.Select(i => g.Labels[i]).ToArray()).ToList();

        var expected = g.Reference.GetProperty("components").EnumerateArray().Select(c => c.EnumerateArray().Select(x => x.GetString()!).ToArray()).ToList();
        Assert.Equal(expected, components);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void HopsAndAdamicAdar_AgreeWithNetworkx(string fixture)
    {
        var g = ReferenceGraph.LoadFixture(fixture);
        if (!g.Reference.TryGetProperty("pairs", out var pairs))
        {
            Assert.Fail($"{fixture} has no reference pairs: run Fixtures/make-fixtures.sh");
        }

        foreach (var pair in pairs.EnumerateArray())
        {
            var (a, b) = (g.Index(pair.GetProperty("source").GetString()!), g.Index(pair.GetProperty("target").GetString()!));
            var hops = pair.GetProperty("hops");
            if (a < 0 || b < 0)
            {
                // A node without edges is not in the graph: no path, no neighbours.
                Assert.Equal(System.Text.Json.JsonValueKind.Null, hops.ValueKind);
                Assert.Equal(0, pair.GetProperty("commonNeighbours").GetInt32());
                continue;
            }
            var full = Traversal.Distances(g.Graph, a)[b];
            Assert.Equal(hops.ValueKind == System.Text.Json.JsonValueKind.Null ? -1 : hops.GetInt32(), full);
            Assert.Equal(full < 0 ? null : full, Traversal.Distance(g.Graph, a, b, maxHops: 1000));
            Assert.Equal(pair.GetProperty("commonNeighbours").GetInt32(), LinkPrediction.CommonNeighbours(g.Graph, a, b).Count);
            Assert.Equal(pair.GetProperty("adamicAdar").GetDouble(), LinkPrediction.AdamicAdar(g.Graph, a, b), 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Louvain_ReachesAtLeast97PercentOfIgraphsBestOfTen(string fixture)
    {
        var g = ReferenceGraph.LoadFixture(fixture);

        var partition = Louvain.Detect(g.Graph);
        var modularity = Modularity.Of(g.Graph, partition);

        var reference = g.Reference.GetProperty("louvain").GetProperty("modularity").GetDouble();
        Assert.True(modularity >= 0.97 * reference, $"modularity {modularity} < 0.97 × {reference}");
    }

    [Fact]
    public void Louvain_IsDeterministic()
    {
        var g = ReferenceGraph.LoadFixture("attachment-1000");

        Assert.Equal(Louvain.Detect(g.Graph), Louvain.Detect(g.Graph));
    }

    [Fact]
    public void Louvain_FindsThePlantedGroups()
    {
        var g = ReferenceGraph.LoadFixture("planted-240");

        var partition = Louvain.Detect(g.Graph);

        var groupOf = g.Labels.Select(l => l.Split('-')[0]).ToArray();
        var nmi = MutualInformation.Normalised(partition, groupOf.Select(x => x.GetHashCode(StringComparison.Ordinal)).ToArray());
        Assert.True(nmi > 0.95, $"NMI with the planted groups is {nmi}");
    }

    [Fact]
    public void Betweenness_IsTheSameBitForBit_OnAnyNumberOfCores()
    {
        var g = ReferenceGraph.LoadFixture("attachment-1000");

        var one = Betweenness.Compute(g.Graph, parallelism: 1);
        var many = Betweenness.Compute(g.Graph, parallelism: 8);

        Assert.Equal(one.Scores, many.Scores);
    }

    [Fact]
    public void SampledBetweenness_StaysWithinItsStatedBound()
    {
        var g = ReferenceGraph.LoadFixture("attachment-1000");

        var sampled = Betweenness.Compute(g.Graph, exactLimit: 100, samples: 400);

        Assert.False(sampled.Exact);
        Assert.Equal(400, sampled.Sources);
        foreach (var node in g.Reference.GetProperty("betweenness").EnumerateObject())
        {
            Assert.InRange(sampled.Scores[g.Index(node.Name)] - node.Value.GetDouble(), -sampled.ErrorBound!.Value, sampled.ErrorBound.Value);
        }
    }
}
