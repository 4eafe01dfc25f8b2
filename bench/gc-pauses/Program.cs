using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

// Traces a running process's garbage collections for a while and prints, per generation, how long the runtime held
// every thread (from suspension to restart: what a request waiting on a pause feels) and how many bytes each
// collection carried into an older generation (what makes a pause long).
//
//   dotnet run --project bench/gc-pauses -c Release -- PID SECONDS
if (args.Length != 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var pid) || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var seconds))
{
    await Console.Error.WriteLineAsync("usage: gc-pauses PID SECONDS");
    return 2;
}

var client = new DiagnosticsClient(pid);
var providers = new[] { new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC) };
using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, circularBufferMB: 256, CancellationToken.None);
using var source = new EventPipeEventSource(session.EventStream);
var collections = new List<Collection>();
double suspendedAt = -1;
var generation = -1;
long fromGen0 = -1, fromGen1 = -1;
source.Clr.GCStart += e => (generation, fromGen0, fromGen1) = (e.Depth, -1, -1);
// Heap statistics come at the end of each collection, before the threads are let go.
source.Clr.GCHeapStats += e => (fromGen0, fromGen1) = (e.TotalPromotedSize0, e.TotalPromotedSize1);
source.Clr.GCSuspendEEStart += e => suspendedAt = e.TimeStampRelativeMSec;
source.Clr.GCRestartEEStop += e =>
{
    if (suspendedAt >= 0)
    {
        collections.Add(new Collection(generation, e.TimeStampRelativeMSec - suspendedAt, fromGen0, fromGen1));
        suspendedAt = -1;
    }
};
var processing = Task.Run(source.Process);
await Task.Delay(TimeSpan.FromSeconds(seconds));
await session.StopAsync(CancellationToken.None);
await processing;

var total = collections.Sum(c => c.PauseMs);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{collections.Count} collections in {seconds} s; threads held {total:F0} ms ({total / seconds / 10:F1} % of the time)"));
foreach (var byGeneration in collections.GroupBy(c => c.Generation).OrderBy(g => g.Key))
{
    var pauses = byGeneration.Select(c => c.PauseMs).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"gen{byGeneration.Key}: {pauses.Length} collections; pause median {pauses[pauses.Length / 2]:F1} ms, p90 {pauses[(int)(pauses.Length * 0.9)]:F1}, max {pauses[^1]:F1}; " +
        $"promoted out of gen0 {byGeneration.Sum(c => Math.Max(0, c.FromGen0)) / 1e6:F1} MB, out of gen1 {byGeneration.Sum(c => Math.Max(0, c.FromGen1)) / 1e6:F1} MB"));
}
return 0;

/// <summary>One collection: its generation, how long threads were held, and what it promoted (-1 when not reported).</summary>
internal sealed record Collection(int Generation, double PauseMs, long FromGen0, long FromGen1);
