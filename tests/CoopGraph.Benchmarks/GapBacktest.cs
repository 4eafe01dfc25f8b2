using CoopGraph.Domain.Analytics;
using CoopGraph.Domain.Analytics.Gaps;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Benchmarks;

/// <summary>
/// Does the gap score find cooperation that exists? Hide 10% of the cooperation links of one département of a
/// generated graph, ask for gaps in that département, and see how many hidden links come back, against ranking by
/// common neighbours and against chance.
/// </summary>
public static class GapBacktest
{
    private const ulong Seed = 99;

    public static int Run(string scale)
    {
        var graph = Inputs.Collect(scale);
        var full = Build(graph.Nodes, graph.Links);
        var scope = new AnalysisScope { TerritoryCode = "D001" };
        var memberIds = ScopeResolver.Members(full, scope).Select(m => full.Ids[m]).ToHashSet(StringComparer.Ordinal);
        var inScope = graph.Links.Where(l => l.Type == LinkType.CooperatesWith && memberIds.Contains(l.SourceId) && memberIds.Contains(l.TargetId)).ToList();
        var random = new SplitMix64(Seed);
        var hidden = inScope.Where(_ => random.NextDouble() < 0.10).ToList();
        var hiddenIds = hidden.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var reduced = Build(graph.Nodes, graph.Links.Where(l => !hiddenIds.Contains(l.Id)));
        var members = ScopeResolver.Members(reduced, scope);
        var hiddenPairs = hidden.Select(l => Pair(reduced.Find(l.SourceId)!.Value, reduced.Find(l.TargetId)!.Value)).ToHashSet();
        var cooperation = CooperationGraph.Of(reduced, members, null);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var gaps = CooperationGaps.Find(reduced, members, null, new GapOptions { First = 1000 });
        var elapsed = started.Elapsed;
        var ours = gaps.Items.Select(g => Pair(g.Source, g.Target)).ToList();
        var byCommonNeighbours = CommonNeighbourRanking(cooperation).Take(1000).ToList();

        var n = members.Length;
        var nonEdges = (long)n * (n - 1) / 2 - cooperation.EdgeCount;
        var score = CooperationGaps.Scorer(reduced, members, null, new GapOptions());
        var auc = Auc(hiddenPairs.ToList(), members, cooperation, (a, b) => score(a, b));
        var aucCommon = Auc(hiddenPairs.ToList(), members, cooperation,
            (a, b) => cooperation.LocalOf(a) is { } x && cooperation.LocalOf(b) is { } y ? LinkPrediction.CommonNeighbours(cooperation, x, y).Count : 0);

        Console.WriteLine($"Scope: territory D001 of the {scale} graph: {n:N0} actors, {inScope.Count:N0} cooperation links, {hidden.Count:N0} hidden (10%, seed {Seed}).");
        Console.WriteLine($"Gaps listed: {gaps.TotalCount:N0} candidates scored in {elapsed.TotalMilliseconds:N0} ms.");
        Console.WriteLine();
        Console.WriteLine("| ranking | precision@10 | precision@50 | precision@100 | precision@1000 | AUC |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| cooperationGaps score | {Precision(ours, hiddenPairs, 10)} | {Precision(ours, hiddenPairs, 50)} | {Precision(ours, hiddenPairs, 100)} | {Precision(ours, hiddenPairs, 1000)} | {auc:0.000} |");
        Console.WriteLine($"| common neighbours | {Precision(byCommonNeighbours, hiddenPairs, 10)} | {Precision(byCommonNeighbours, hiddenPairs, 50)} | {Precision(byCommonNeighbours, hiddenPairs, 100)} | {Precision(byCommonNeighbours, hiddenPairs, 1000)} | {aucCommon:0.000} |");
        var chance = (double)hidden.Count / nonEdges;
        Console.WriteLine($"| random | {chance:0.0000} | {chance:0.0000} | {chance:0.0000} | {chance:0.0000} | 0.500 |");
        return 0;
    }

    private static GraphProjection Build(IEnumerable<Node> nodes, IEnumerable<Link> links)
    {
        var builder = new ProjectionBuilder();
        foreach (var node in nodes)
        {
            builder.AddNode(node);
        }
        foreach (var link in links)
        {
            builder.AddLink(link);
        }
        return builder.Build(1, DateTimeOffset.UnixEpoch);
    }

    private static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);

    private static string Precision(List<(int, int)> ranking, HashSet<(int, int)> hidden, int k) =>
        ranking.Count == 0 ? "-" : (ranking.Take(k).Count(hidden.Contains) / (double)Math.Min(k, ranking.Count)).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Non-adjacent pairs at distance two, by number of common neighbours (ties by index).</summary>
    private static IEnumerable<(int, int)> CommonNeighbourRanking(CooperationGraph graph)
    {
        var counts = new Dictionary<(int, int), int>();
        for (var w = 0; w < graph.NodeCount; w++)
        {
            var neighbours = graph.Adjacency.Neighbours(w);
            for (var i = 0; i < neighbours.Length; i++)
            {
                for (var j = i + 1; j < neighbours.Length; j++)
                {
                    if (!graph.AreAdjacent(neighbours[i], neighbours[j]))
                    {
                        var key = Pair(graph.Nodes[neighbours[i]], graph.Nodes[neighbours[j]]);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }
        return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key);
    }

    /// <summary>Probability that a hidden pair outscores a random non-adjacent pair (ties count half), over 20,000 draws.</summary>
    private static double Auc(List<(int A, int B)> hidden, int[] members, CooperationGraph graph, Func<int, int, double> score)
    {
        var random = new SplitMix64(Seed + 1);
        var wins = 0.0;
        const int Draws = 20_000;
        for (var i = 0; i < Draws; i++)
        {
            var positive = hidden[random.NextInt(hidden.Count)];
            int a, b;
            do
            {
                (a, b) = (members[random.NextInt(members.Length)], members[random.NextInt(members.Length)]);
            }
            while (a == b || graph.AreAdjacent(graph.LocalOf(a)!.Value, graph.LocalOf(b)!.Value) || hidden.Contains(Pair(a, b)));
            var (p, q) = (score(positive.A, positive.B), score(a, b));
            wins += p > q ? 1 : p == q ? 0.5 : 0;
        }
        return wins / Draws;
    }
}
