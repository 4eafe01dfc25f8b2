using BenchmarkDotNet.Attributes;
using CoopGraph.Domain.Analytics.Centrality;
using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Analytics.Gaps;
using CoopGraph.Domain.Analytics.Paths;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Analytics.Transversality;
using CoopGraph.Domain.Model;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Benchmarks;

/// <summary>The analyses at demo and region scale, each on the scope a user would give it.</summary>
[MemoryDiagnoser]
public class AnalyticsBenchmarks
{
    private GraphProjection _projection = null!;
    private int[] _everyone = [];
    private int _authority;
    private int _from;
    private int _to;

    [Params("demo", "region")]
    public string Scale { get; set; } = "demo";

    [GlobalSetup]
    public void Setup()
    {
        _projection = Inputs.Projection(Scale);
        _everyone = ScopeResolver.Members(_projection, AnalysisScope.Everything);
        _authority = _projection.Find("auth:D001")!.Value;
        // Two SSE organisations of different départements (or far apart in the demo graph).
        var sse = _everyone.Where(a => _projection.Kinds[a] == NodeKind.SseActor).ToArray();
        (_from, _to) = (sse[0], sse[^1]);
    }

    [Benchmark]
    public int GapsForAnAuthority() =>
        CooperationGaps.Find(_projection, ScopeResolver.Members(_projection, new AnalysisScope { AuthorityId = "auth:D001" }), null, new GapOptions { First = 20 }).TotalCount;

    [Benchmark]
    public double TransversalityOfAnAuthority() => TransversalityAnalysis.Report(_projection, _authority, null).LinkShare;

    [Benchmark]
    public double LouvainOnTheWholeGraph() => CommunityDetection.Compute(_projection, _everyone, null).Modularity;

    [Benchmark]
    public int? PathBetweenTwoActors() => PathFinder.Find(_projection, _from, _to, [LinkType.CooperatesWith], PathFinder.MaxMaxHops, null)?.Hops;

    [Benchmark]
    public int BrokersOfAnAuthorityScope() =>
        Brokers.Compute(_projection, ScopeResolver.Members(_projection, new AnalysisScope { AuthorityId = "auth:D001" }), null).Ranked.Count;
}

/// <summary>Exact betweenness on a random 20,000-node, 100,000-edge graph: the comparison with igraph (bench/igraph-betweenness.py).</summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BetweennessBenchmarks
{
    private CooperationGraph _graph = null!;

    [GlobalSetup]
    public void Setup() => _graph = Inputs.RandomGraph(20_000, 100_000);

    [Benchmark]
    public double ExactBetweenness20kNodes100kEdges() => Betweenness.Compute(_graph).Scores.Max();
}

/// <summary>Building the projection from a store's export, at demo and region scale.</summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private GraphCollector _graph = null!;

    [Params("demo", "region")]
    public string Scale { get; set; } = "demo";

    [GlobalSetup]
    public void Setup() => _graph = Inputs.Collect(Scale);

    [Benchmark]
    public int Build()
    {
        var builder = new ProjectionBuilder();
        foreach (var node in _graph.Nodes)
        {
            builder.AddNode(node);
        }
        foreach (var link in _graph.Links)
        {
            builder.AddLink(link);
        }
        return builder.Build(1, DateTimeOffset.UnixEpoch).LinkCount;
    }
}
