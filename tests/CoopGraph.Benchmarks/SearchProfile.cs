using System.Diagnostics;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Projections;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Benchmarks;

/// <summary>
/// Where a search's time goes on a store too large for the read model: its answer found in the index beside the
/// projection alone (ranked, exact names first), the whole search from it (that, then the answer's nodes and the
/// version read from SQLite), and the store's own FTS5 search, each per typed text.
/// </summary>
internal static class SearchProfile
{
    public static async Task<int> RunAsync(string database, IReadOnlyList<string> texts)
    {
        using var store = new EmbeddedGraphStore(database, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var projections = new ProjectionProvider(store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance);
        await projections.GetAsync(CancellationToken.None);
        var index = projections.Search ?? throw new InvalidOperationException("The store has no search index.");
        Console.WriteLine("| text | rank µs | search from the index µs | store's search µs |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var text in texts)
        {
            var rank = await Time(() => Task.FromResult(index.Find(Viewer.Public, text, 10)));
            var indexed = await Time(() => projections.SearchAsync(store, Viewer.Public, text, 10, null, CancellationToken.None));
            var fts = await Time(() => store.SearchAsync(Viewer.Public, text, 10, CancellationToken.None), rounds: 5);
            Console.WriteLine($"| {text} | {rank:N0} | {indexed:N0} | {fts:N0} |");
        }
        return 0;
    }

    /// <summary>The median of <paramref name="rounds"/> runs, after two to warm up, in microseconds.</summary>
    private static async Task<double> Time<T>(Func<Task<T>> run, int rounds = 200)
    {
        await run();
        await run();
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(times);
        return times[rounds / 2];
    }
}
