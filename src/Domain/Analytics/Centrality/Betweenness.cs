using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Scratch arrays of one worker, reset only where the last BFS went. The forward BFS records, for each node it
    /// dequeues, its children on the shortest-path DAG as BFS positions; the backward pass then walks only those
    /// edges, in reverse BFS order, with every per-node value indexed by BFS position, so that it reads mostly
    /// nearby memory instead of scanning every neighbour again. Array accesses go through refs: this loop is the
    /// whole cost of betweenness, and its indexes come from the CSR and the BFS itself.
    /// </summary>
    private sealed class BrandesState(int n)
    {
        // BFS position and path count of a node side by side: the forward loop touches both for a random
        // neighbour each time, so one cache line serves them.
        private readonly Reach[] _reach = Enumerable.Repeat(new Reach { Position = -1 }, n).ToArray();
        private readonly int[] _order = new int[n];
        private readonly double[] _pathsAt = new double[n];
        private readonly double[] _coefficientAt = new double[n];
        private readonly int[] _childStart = new int[n + 1];
        private int[] _children = new int[Math.Max(16, n)];

        public void Accumulate(int[] offsets, int[] targets, int source, double[] totals)
        {
            // One slot more than entries: the forward loop writes the next free slot unconditionally.
            if (_children.Length < targets.Length + 1)
            {
                _children = new int[targets.Length + 1];
            }
            ref var reach = ref MemoryMarshal.GetArrayDataReference(_reach);
            ref var order = ref MemoryMarshal.GetArrayDataReference(_order);
            ref var pathsAt = ref MemoryMarshal.GetArrayDataReference(_pathsAt);
            ref var coefficientAt = ref MemoryMarshal.GetArrayDataReference(_coefficientAt);
            ref var childStart = ref MemoryMarshal.GetArrayDataReference(_childStart);
            ref var children = ref MemoryMarshal.GetArrayDataReference(_children);
            ref var offset = ref MemoryMarshal.GetArrayDataReference(offsets);
            ref var target = ref MemoryMarshal.GetArrayDataReference(targets);
            ref var total = ref MemoryMarshal.GetArrayDataReference(totals);

            // Every Reach is {-1, 0} between runs: the forward loop adds to Paths without resetting it.
            Unsafe.Add(ref reach, source) = new Reach { Position = 0, Paths = 1 };
            order = source;
            // BFS positions grow level by level, so "w is on the next level" is "w's position is past the current
            // level's end": no distances needed. The current level is [.., levelEnd).
            int head = 0, tail = 1, childCount = 0, levelEnd = 1;
            while (head < tail)
            {
                if (head == levelEnd)
                {
                    levelEnd = tail;
                }
                var v = Unsafe.Add(ref order, head);
                var pathsV = Unsafe.Add(ref reach, v).Paths;
                // All of v's predecessors were dequeued before it: its path count is final.
                Unsafe.Add(ref pathsAt, head) = pathsV;
                Unsafe.Add(ref childStart, head) = childCount;
                head++;
                var end = Unsafe.Add(ref offset, v + 1);
                for (var e = Unsafe.Add(ref offset, v); e < end; e++)
                {
                    var w = Unsafe.Add(ref target, e);
                    ref var rw = ref Unsafe.Add(ref reach, w);
                    if (rw.Position < 0)
                    {
                        // Taken once per node out of ~m/n edges: well predicted.
                        rw.Position = tail;
                        Unsafe.Add(ref order, tail++) = w;
                    }
                    // Whether w is on the next level is unpredictable: decide it without a branch.
                    var onPath = rw.Position >= levelEnd ? 1 : 0;
                    rw.Paths += pathsV * onPath;
                    Unsafe.Add(ref children, childCount) = rw.Position;
                    childCount += onPath;
                }
            }
            Unsafe.Add(ref childStart, tail) = childCount;

            // Dependency of v: paths(v) × Σ over its DAG children w of (1 + dependency(w)) / paths(w).
            for (var i = tail - 1; i >= 0; i--)
            {
                var sum = 0.0;
                var end = Unsafe.Add(ref childStart, i + 1);
                for (var c = Unsafe.Add(ref childStart, i); c < end; c++)
                {
                    sum += Unsafe.Add(ref coefficientAt, Unsafe.Add(ref children, c));
                }
                var pathsV = Unsafe.Add(ref pathsAt, i);
                var dependency = pathsV * sum;
                Unsafe.Add(ref coefficientAt, i) = (1.0 + dependency) / pathsV;
                if (i > 0)
                {
                    Unsafe.Add(ref total, Unsafe.Add(ref order, i)) += dependency;
                }
            }
            for (var i = 0; i < tail; i++)
            {
                Unsafe.Add(ref reach, Unsafe.Add(ref order, i)) = new Reach { Position = -1 };
            }
        }
    }

    // 12 bytes rather than 16: more of the array stays in cache.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Reach
    {
        public int Position;
        public double Paths;
    }
}
