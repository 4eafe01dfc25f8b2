using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Analytics.Communities;

/// <summary>
/// Louvain modularity optimisation (Blondel et al. 2008): local moving of nodes between communities, then
/// aggregation of each community into one node, level after level. Nodes are visited in index order and ties
/// keep the first best community, so the same graph always gives the same partition. The whole procedure is
/// repeated from its own result until modularity stops rising ("iterated Louvain"), which closes most of the gap
/// to a best-of-many randomised run.
/// </summary>
public static class Louvain
{
    private const double MinGain = 1e-12;
    private const int MaxRounds = 8;

    /// <summary>A community label 0..c-1 for each local node of <paramref name="graph"/>.</summary>
    public static int[] Detect(CooperationGraph graph)
    {
        var n = graph.NodeCount;
        var baseGraph = WeightedGraph.From(graph);
        var partition = Enumerable.Range(0, n).ToArray();
        var best = Modularity.Of(graph, partition);
        for (var round = 0; round < MaxRounds; round++)
        {
            var candidate = Run(baseGraph, partition);
            var quality = Modularity.Of(graph, candidate);
            if (quality <= best + MinGain)
            {
                break;
            }
            (partition, best) = (candidate, quality);
        }
        return Relabel(partition);
    }

    /// <summary>One multi-level Louvain run whose first local moving starts from <paramref name="start"/>.</summary>
    private static int[] Run(WeightedGraph level0, int[] start)
    {
        var membership = Enumerable.Range(0, level0.NodeCount).ToArray();
        var current = level0;
        var initial = start;
        while (true)
        {
            var communities = Relabel(current.LocalMoving(initial));
            var count = communities.Length == 0 ? 0 : communities.Max() + 1;
            for (var i = 0; i < membership.Length; i++)
            {
                membership[i] = communities[membership[i]];
            }
            if (count == current.NodeCount)
            {
                return membership;
            }
            current = current.Aggregate(communities);
            initial = Enumerable.Range(0, count).ToArray();
        }
    }

    /// <summary>Renumbers labels 0..c-1 in order of first appearance.</summary>
    public static int[] Relabel(int[] labels)
    {
        var map = new Dictionary<int, int>();
        var result = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!map.TryGetValue(labels[i], out var label))
            {
                map[labels[i]] = label = map.Count;
            }
            result[i] = label;
        }
        return result;
    }

    /// <summary>An undirected weighted graph with self-loops: one level of the Louvain hierarchy.</summary>
    private sealed class WeightedGraph
    {
        private readonly int[] _offsets;
        private readonly int[] _targets;
        private readonly double[] _weights;
        private readonly double[] _selfLoops;
        private readonly double[] _degrees;
        private readonly double _twiceTotal;

        private WeightedGraph(int[] offsets, int[] targets, double[] weights, double[] selfLoops)
        {
            _offsets = offsets;
            _targets = targets;
            _weights = weights;
            _selfLoops = selfLoops;
            _degrees = new double[NodeCount];
            for (var i = 0; i < NodeCount; i++)
            {
                var degree = 2 * selfLoops[i];
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    degree += weights[e];
                }
                _degrees[i] = degree;
                _twiceTotal += degree;
            }
        }

        public int NodeCount => _offsets.Length - 1;

        public static WeightedGraph From(CooperationGraph graph) => new(
            graph.Adjacency.Offsets, graph.Adjacency.Targets,
            Enumerable.Repeat(1.0, graph.Adjacency.Targets.Length).ToArray(), new double[graph.NodeCount]);

        /// <summary>Moves nodes to the neighbouring community that raises modularity most, until none moves.</summary>
        public int[] LocalMoving(int[] initial)
        {
            var n = NodeCount;
            var community = (int[])initial.Clone();
            var total = new double[n];
            for (var i = 0; i < n; i++)
            {
                total[community[i]] += _degrees[i];
            }
            var linkWeight = new double[n];
            var seen = new bool[n];
            var touched = new List<int>();
            if (_twiceTotal == 0)
            {
                return community;
            }
            bool moved;
            var passes = 0;
            do
            {
                moved = false;
                for (var i = 0; i < n; i++)
                {
                    var own = community[i];
                    touched.Clear();
                    touched.Add(own);
                    seen[own] = true;
                    for (var e = _offsets[i]; e < _offsets[i + 1]; e++)
                    {
                        var c = community[_targets[e]];
                        if (!seen[c])
                        {
                            seen[c] = true;
                            touched.Add(c);
                        }
                        linkWeight[c] += _weights[e];
                    }
                    var degree = _degrees[i];
                    total[own] -= degree;
                    var best = own;
                    // Gain of joining c, up to a positive factor: k_i,in(c) - tot(c) k_i / 2m.
                    var bestGain = linkWeight[own] - total[own] * degree / _twiceTotal;
                    foreach (var c in touched)
                    {
                        var gain = linkWeight[c] - total[c] * degree / _twiceTotal;
                        if (gain > bestGain + MinGain)
                        {
                            (best, bestGain) = (c, gain);
                        }
                    }
                    total[best] += degree;
                    if (best != own)
                    {
                        community[i] = best;
                        moved = true;
                    }
                    foreach (var c in touched)
                    {
                        linkWeight[c] = 0;
                        seen[c] = false;
                    }
                }
                passes++;
            }
            while (moved && passes < 1000);
            return community;
        }

        /// <summary>One node per community (labels 0..c-1); edge weights summed, inner weights kept as self-loops.</summary>
        public WeightedGraph Aggregate(int[] labels)
        {
            var count = labels.Length == 0 ? 0 : labels.Max() + 1;
            var members = new List<int>[count];
            for (var c = 0; c < count; c++)
            {
                members[c] = [];
            }
            for (var i = 0; i < labels.Length; i++)
            {
                members[labels[i]].Add(i);
            }
            var offsets = new int[count + 1];
            var targets = new List<int>();
            var weights = new List<double>();
            var selfLoops = new double[count];
            var scratch = new double[count];
            var touched = new List<int>();
            for (var c = 0; c < count; c++)
            {
                foreach (var i in members[c])
                {
                    selfLoops[c] += _selfLoops[i];
                    for (var e = _offsets[i]; e < _offsets[i + 1]; e++)
                    {
                        var d = labels[_targets[e]];
                        if (d == c)
                        {
                            // Each inner edge is seen from both ends.
                            selfLoops[c] += _weights[e] / 2;
                            continue;
                        }
                        if (scratch[d] == 0)
                        {
                            touched.Add(d);
                        }
                        scratch[d] += _weights[e];
                    }
                }
                touched.Sort();
                foreach (var d in touched)
                {
                    targets.Add(d);
                    weights.Add(scratch[d]);
                    scratch[d] = 0;
                }
                touched.Clear();
                offsets[c + 1] = targets.Count;
            }
            return new WeightedGraph(offsets, [.. targets], [.. weights], selfLoops);
        }
    }
}
