using CoopGraph.Domain.Model;
using System.Diagnostics;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Generation;

namespace CoopGraph.Benchmarks;

public static class Measurements
{
    /// <summary>
    /// Generates each scale straight into a projection builder (no intermediate copy) and reports the build time and
    /// the managed heap the finished projection keeps alive (measured after full collections, builder dropped).
    /// </summary>
    public static int ProjectionMemory(IEnumerable<string> scales)
    {
        Console.WriteLine("| scale | nodes | links | actors | cooperation links | build (generate + freeze) | freeze only | projection heap |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var scale in scales)
        {
            var before = Heap();
            var total = Stopwatch.StartNew();
            var builder = new ProjectionBuilder();
            new GraphGenerator(GeneratorScale.Parse(scale)).Generate(builder);
            var freeze = Stopwatch.StartNew();
            var projection = builder.Build(1, DateTimeOffset.UtcNow);
            freeze.Stop();
            total.Stop();
            builder = null;
            var heap = Heap() - before;
            Console.WriteLine($"| {scale} | {projection.NodeCount:N0} | {projection.LinkCount:N0} | {projection.Actors.Length:N0} | {projection.Cooperation.Targets.Length / 2:N0} | {total.Elapsed.TotalSeconds:0.00} s | {freeze.Elapsed.TotalMilliseconds:N0} ms | {heap / 1024.0 / 1024.0:N1} MiB |");
            GC.KeepAlive(projection);
        }
        return 0;
    }

    public static int QuickBetweenness(int threads)
    {
        var graph = Inputs.RandomGraph(20_000, 100_000);
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var result = CoopGraph.Domain.Analytics.Centrality.Betweenness.Compute(graph, exactLimit: 0, samples: 2_000, parallelism: threads);
            Console.WriteLine($"run {run + 1}: {watch.Elapsed.TotalMilliseconds:N0} ms ({result.Sources} sources, {threads} threads)");
        }
        return 0;
    }

    public static int ExportRandom(string file)
    {
        using var writer = new StreamWriter(file);
        writer.WriteLine("source,target");
        foreach (var (a, b) in Inputs.RandomEdges(20_000, 100_000))
        {
            writer.WriteLine($"{a},{b}");
        }
        Console.WriteLine($"20000 nodes, 100000 edges written to {file}");
        return 0;
    }

    /// <summary>The projection as the API builds it at start (from the store's export): build time and the heap it keeps.</summary>
    public static async Task<int> StoreProjectionMemoryAsync(string database)
    {
        var store = new CoopGraph.Graph.Embedded.EmbeddedGraphStore(database, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        // Each measured by a method of its own, so that nothing of the first is still held when the second begins.
        await ProjectionAloneAsync(store, database);
        await AsTheApiHoldsItAsync(store, database);
        return 0;
    }

    private static async Task ProjectionAloneAsync(CoopGraph.Graph.Embedded.EmbeddedGraphStore store, string database)
    {
        var before = Heap();
        var watch = Stopwatch.StartNew();
        var (projection, exported) = await BuildProjectionAsync(store, watch);
        watch.Stop();
        var heap = Heap() - before;
        Console.WriteLine($"| {database} | {projection.NodeCount:N0} | {projection.LinkCount:N0} | export {exported.TotalSeconds:0.0} s + freeze {(watch.Elapsed - exported).TotalSeconds:0.0} s | {heap / 1024.0 / 1024.0:N1} MiB |");
        GC.KeepAlive(projection);
    }

    /// <summary>
    /// The projection alone, in a method of its own: an async method's locals live as long as it runs, and the
    /// pipeline would keep the builder's lists alive through the measurement.
    /// </summary>
    private static async Task<(GraphProjection Projection, TimeSpan Exported)> BuildProjectionAsync(CoopGraph.Graph.Embedded.EmbeddedGraphStore store, Stopwatch watch)
    {
        var builder = new ProjectionBuilder();
        long version;
        using (var pipeline = new PipelinedSink(builder))
        {
            version = await store.ExportAsync(Viewer.Everything, pipeline, CancellationToken.None);
            pipeline.Complete();
        }
        var exported = watch.Elapsed;
        return (builder.Build(version, DateTimeOffset.UtcNow), exported);
    }

    /// <summary>The projection and the search index built beside it from the same export, as the API's provider builds them.</summary>
    private static async Task AsTheApiHoldsItAsync(CoopGraph.Graph.Embedded.EmbeddedGraphStore store, string database)
    {
        var before = Heap();
        var watch = Stopwatch.StartNew();
        var provider = new CoopGraph.Graph.Projections.ProjectionProvider(store, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CoopGraph.Graph.Projections.ProjectionProvider>.Instance);
        var held = await provider.GetAsync(CancellationToken.None);
        watch.Stop();
        var heap = Heap() - before;
        Console.WriteLine($"| {database}, with the search index | {held.NodeCount:N0} | {held.LinkCount:N0} | {watch.Elapsed.TotalSeconds:0.0} s | {heap / 1024.0 / 1024.0:N1} MiB |");
        GC.KeepAlive(provider);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
