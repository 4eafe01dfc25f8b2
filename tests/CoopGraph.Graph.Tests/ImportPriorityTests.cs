using System.Globalization;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// An import runs on threads of its own at a lower priority, its lines read and its batches written alike, so that a
/// server importing answers its reads first; the threads serve one import after another.
/// </summary>
public sealed class ImportPriorityTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task AnImport_ReadsAndWrites_OnTheImportThreads_AtALowerPriority()
    {
        await using var temp = await TempStore.CreateAsync();
        for (var run = 0; run < 2; run++)
        {
            var reading = new List<(string? Name, int? Nice)>();
            var writing = new WritingThreads();

            var report = await new ImportRunner(temp.Store).RunAsync(Lines(run, reading), writing, Ct);

            Assert.True(report.Completed);
            Assert.Equal(3_000, report.NodesWritten);
            Assert.NotEmpty(reading);
            Assert.NotEmpty(writing.Seen);
            Assert.All(reading.Concat(writing.Seen), thread =>
            {
                Assert.Equal("import", thread.Name);
                if (OperatingSystem.IsLinux())
                {
                    Assert.Equal(10, thread.Nice);
                }
            });
        }
        // The thread that awaited the import kept its own priority.
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(0, Nice());
        }
    }

    private static IEnumerable<ImportLine> Lines(int run, List<(string? Name, int? Nice)> threads)
    {
        for (var i = 0; i < 3_000; i++)
        {
            if (i % 500 == 0)
            {
                threads.Add((Thread.CurrentThread.Name, Nice()));
            }
            yield return new ImportLine(i + 1, Node: new NodeUpsert(new Theme { Id = $"theme:{run}-{i}", Name = $"Theme {i}", Domain = PolicyDomain.Culture }, ["lines", i]));
        }
    }

    /// <summary>This thread's nice value from /proc (Linux), null elsewhere.</summary>
    private static int? Nice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        // The fields after the command's closing parenthesis start at the third; nice is the nineteenth.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }

    /// <summary>Told of each batch written, on the thread that wrote it.</summary>
    private sealed class WritingThreads : IProgress<ImportProgress>
    {
        public List<(string? Name, int? Nice)> Seen { get; } = [];

        public void Report(ImportProgress value) => Seen.Add((Thread.CurrentThread.Name, Nice()));
    }
}
