using CoopGraph.Domain.Analytics;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Generation;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Benchmarks;

/// <summary>The graphs the benchmarks run on, generated deterministically and kept for the whole run.</summary>
public static class Inputs
{
    private static readonly Dictionary<string, GraphProjection> Projections = [];
    private static readonly Dictionary<string, GraphCollector> Collected = [];

    public static GraphCollector Collect(string scale)
    {
        if (!Collected.TryGetValue(scale, out var graph))
        {
            graph = new GraphCollector();
            new GraphGenerator(GeneratorScale.Parse(scale)).Generate(graph);
            Collected[scale] = graph;
        }
        return graph;
    }

    public static GraphProjection Projection(string scale)
    {
        if (!Projections.TryGetValue(scale, out var projection))
        {
            var builder = new ProjectionBuilder();
            new GraphGenerator(GeneratorScale.Parse(scale)).Generate(builder);
            Projections[scale] = projection = builder.Build(1, DateTimeOffset.UnixEpoch);
        }
        return projection;
    }

    /// <summary>A G(n, m) random graph: m distinct edges drawn uniformly among n nodes, the same for the same seed.</summary>
    public static List<(int A, int B)> RandomEdges(int n, int m, ulong seed = 42)
    {
        var random = new SplitMix64(seed);
        var seen = new HashSet<long>();
        var edges = new List<(int, int)>(m);
        while (edges.Count < m)
        {
            var (a, b) = (random.NextInt(n), random.NextInt(n));
            if (a != b && seen.Add(a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a))
            {
                edges.Add((a, b));
            }
        }
        return edges;
    }

    public static CooperationGraph RandomGraph(int n, int m) => CooperationGraph.FromEdges(n, RandomEdges(n, m));
}
