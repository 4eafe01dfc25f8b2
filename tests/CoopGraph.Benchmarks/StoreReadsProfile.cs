using System.Diagnostics;
using System.Text.Json;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Benchmarks;

/// <summary>
/// The embedded store's share of a computed actor page, without HTTP or GraphQL: for each actor id of a load-kit values
/// file (<c>bench/load/operations.py</c>'s <c>actor.values</c>), the reads the page makes — the version, the actor,
/// the first ten of its links with their total, then their ends — on as many tasks at once as asked. The store is
/// opened as the API opens it; every id is read once to warm it, then every id of every task is timed. With
/// <c>fromMemory</c>, the same reads go where the API sends them when it holds the graph: the read model's snapshot of
/// the store's version (the version step is then the store's version and the snapshot's lookup).
/// </summary>
internal static class StoreReadsProfile
{
    public static async Task<int> RunAsync(string database, string valuesFile, int tasks, int rounds, bool fromMemory)
    {
        var ids = (await File.ReadAllLinesAsync(valuesFile))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .ToArray();
        using var store = new EmbeddedGraphStore(database, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var steps = new long[4];
        // Only the memory run holds the graph: the store run reads as a server without the read model does.
        var held = fromMemory
            ? new ReadModelProvider(store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance, long.MaxValue, TimeSpan.FromHours(1))
            : null;
        if (held is not null && await held.ReaderAsync(CancellationToken.None) is not ReadModelSnapshot)
        {
            throw new InvalidOperationException("The read model was not built.");
        }
        async ValueTask<IGraphReader> ReaderAsync() => held is not null ? await held.ReaderAsync(CancellationToken.None) : await VersionOnly();
        async ValueTask<IGraphReader> VersionOnly()
        {
            await store.GetVersionAsync(CancellationToken.None);
            return store;
        }

        async Task Page(string id, long[] spent)
        {
            var started = Stopwatch.GetTimestamp();
            var reader = await ReaderAsync();
            var version = Stopwatch.GetTimestamp();
            var actor = await reader.GetNodesAsync(Viewer.Public, [id], CancellationToken.None);
            var node = Stopwatch.GetTimestamp();
            var links = await reader.GetLinksOfNodesAsync(Viewer.Public, [id], null, new PageRequest(10), CancellationToken.None);
            var page = Stopwatch.GetTimestamp();
            var ends = links[id].Items.SelectMany(i => new[] { i.Item.SourceId, i.Item.TargetId }).Where(e => e != id).ToHashSet(StringComparer.Ordinal);
            if (ends.Count > 0)
            {
                await reader.GetNodesAsync(Viewer.Public, ends, CancellationToken.None);
            }
            var done = Stopwatch.GetTimestamp();
            if (actor.Count != 1)
            {
                throw new InvalidOperationException($"No actor {id} in the store.");
            }
            Interlocked.Add(ref spent[0], version - started);
            Interlocked.Add(ref spent[1], node - version);
            Interlocked.Add(ref spent[2], page - node);
            Interlocked.Add(ref spent[3], done - page);
        }

        foreach (var id in ids)
        {
            await Page(id, new long[4]);
        }
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                // Each task walks the ids from its own place, so tasks rarely read the same actor at once.
                for (var i = 0; i < ids.Length; i++)
                {
                    await Page(ids[(i + t * ids.Length / tasks) % ids.Length], steps);
                }
            }
        })));
        wall.Stop();
        var cpuSpent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var pages = (double)ids.Length * rounds * tasks;
        double Micro(long ticks) => ticks * 1e6 / Stopwatch.Frequency / pages;
        Console.WriteLine($"{pages:N0} actor pages on {tasks} tasks: {pages / wall.Elapsed.TotalSeconds:N0} pages/s, " +
            $"{cpuSpent.TotalMicroseconds / pages:N1} µs of CPU a page");
        Console.WriteLine($"mean µs a page, waits included: version {Micro(steps[0]):N1}, actor {Micro(steps[1]):N1}, " +
            $"links and total {Micro(steps[2]):N1}, ends {Micro(steps[3]):N1}");
        return 0;
    }
}
