using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Analytics.Centrality;

/// <param name="Scores">Normalised betweenness per local node, as networkx computes it for undirected graphs.</param>
/// <param name="Exact">False when computed from a sample of sources.</param>
/// <param name="Sources">How many sources the computation ran from.</param>
/// <param name="ErrorBound">For a sample: with 95% confidence, each score is within this of the exact value (Hoeffding); null when exact.</param>
public sealed record BetweennessResult(double[] Scores, bool Exact, int Sources, double? ErrorBound);

/// <summary>
/// Brandes' betweenness on an unweighted undirected graph, one BFS per source, sources split over the cores.
/// Normalised as networkx does: the sum over ordered pairs divided by (n-1)(n-2).
/// </summary>
public static class Betweenness
{
    public const int DefaultExactLimit = 20_000;
    public const int DefaultSamples = 2_000;
    private const int MaxChunks = 8;

    public static BetweennessResult Compute(CooperationGraph graph, int exactLimit = DefaultExactLimit, int samples = DefaultSamples, ulong seed = 20_260_101, int? parallelism = null)
    {
        var n = graph.NodeCount;
        var exact = n <= exactLimit;
        var sources = exact ? Enumerable.Range(0, n).ToArray() : Sample(n, Math.Min(samples, n), seed);
        // A fixed number of contiguous chunks, summed in chunk order: the result is the same bit for bit on any
        // number of cores. The cores work the chunks in parallel.
        var chunks = Math.Clamp(sources.Length / 64, 1, MaxChunks);
        var partial = new double[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount }, chunk =>
        {
            var state = new BrandesState(n);
            var totals = new double[n];
            var (from, to) = ((int)((long)sources.Length * chunk / chunks), (int)((long)sources.Length * (chunk + 1) / chunks));
            for (var i = from; i < to; i++)
            {
                state.Accumulate(graph.Adjacency.Offsets, graph.Adjacency.Targets, sources[i], totals);
            }
            partial[chunk] = totals;
        });
        var scores = new double[n];
        foreach (var totals in partial)
        {
            for (var v = 0; v < n; v++)
            {
                scores[v] += totals[v];
            }
        }
        var scale = (exact ? 1.0 : (double)n / sources.Length) * (n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0);
        for (var v = 0; v < n; v++)
        {
            scores[v] *= scale;
        }
        double? bound = exact ? null : n / (n - 1.0) * Math.Sqrt(Math.Log(2 / 0.05) / (2.0 * sources.Length));
        return new BetweennessResult(scores, exact, sources.Length, bound);
    }

    private static int[] Sample(int n, int k, ulong seed)
    {
        var random = new SplitMix64(seed);
        var all = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < k; i++)
        {
            var j = i + random.NextInt(n - i);
            (all[i], all[j]) = (all[j], all[i]);
        }
        var chosen = all[..k];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Scratch arrays of one worker, reset only where the last BFS went.</summary>
    private sealed class BrandesState(int n)
    {
        private readonly int[] _distance = Enumerable.Repeat(-1, n).ToArray();
        private readonly double[] _paths = new double[n];
        private readonly double[] _dependency = new double[n];
        private readonly int[] _order = new int[n];

        public void Accumulate(int[] offsets, int[] targets, int source, double[] totals)
        {
            var distance = _distance;
            var paths = _paths;
            var order = _order;
            distance[source] = 0;
            paths[source] = 1;
            int head = 0, tail = 0;
            order[tail++] = source;
            while (head < tail)
            {
                var v = order[head++];
                var next = distance[v] + 1;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var w = targets[e];
                    if (distance[w] < 0)
                    {
                        distance[w] = next;
                        order[tail++] = w;
                    }
                    if (distance[w] == next)
                    {
                        paths[w] += paths[v];
                    }
                }
            }
            var dependency = _dependency;
            // The BFS order read backwards visits nodes by non-increasing distance, as Brandes' stack would.
            for (var i = tail - 1; i > 0; i--)
            {
                var w = order[i];
                var coefficient = (1.0 + dependency[w]) / paths[w];
                var previous = distance[w] - 1;
                for (var e = offsets[w]; e < offsets[w + 1]; e++)
                {
                    var v = targets[e];
                    if (distance[v] == previous)
                    {
                        dependency[v] += paths[v] * coefficient;
                    }
                }
                totals[w] += dependency[w];
            }
            for (var i = 0; i < tail; i++)
            {
                var v = order[i];
                distance[v] = -1;
                paths[v] = 0;
                dependency[v] = 0;
            }
        }
    }
}
