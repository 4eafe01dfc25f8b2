using System.Runtime.CompilerServices;
using CoopGraph.Api.Commands;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Interchange;
using CoopGraph.Tests.Shared;
using Microsoft.AspNetCore.Hosting;

namespace CoopGraph.Api.Tests;

/// <summary>
/// <c>backup</c> copies a running store at one committed version, <c>restore</c> puts a copy in place (refusing to
/// replace data unless forced), and the restored store starts and answers.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private const int BatchLines = ImportRunner.BatchSize;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));

    public BackupTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>Actor lines, whole batches of them; after <paramref name="pauseAfter"/> lines it waits for <paramref name="resume"/>.</summary>
    private static async IAsyncEnumerable<string> ActorLines(int count, int pauseAfter, Task resume, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == pauseAfter)
            {
                await resume.WaitAsync(cancellationToken);
            }
            yield return $$"""{"op":"node","kind":"SSE_ACTOR","id":"sse:{{i}}","name":"Acteur {{i}}","legalForm":"ASSOCIATION"}""";
        }
    }

    [Fact]
    public async Task ABackupTakenWhileAnImportRuns_RestoresToACommittedVersion_ThatStartsAndAnswers()
    {
        var database = PathOf("live.db");
        var store = new EmbeddedGraphStore(database, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var import = Task.Run(() => new ImportRunner(store).RunAsync(ActorLines(40 * BatchLines, 6 * BatchLines, resume.Task), null, CancellationToken.None));
        Assert.True(await Eventually.HoldsAsync(async () => await store.GetVersionAsync(CancellationToken.None) >= 3, TimeSpan.FromSeconds(60)),
            "The import committed no batch.");

        // The import goes on while the backup copies: both run at once.
        var backup = BackupCommand.BackupAsync(["--out", PathOf("copy.db"), "--Graph:Embedded:Path", database], TextWriter.Null, TextWriter.Null, CancellationToken.None);
        resume.SetResult();
        Assert.Equal(0, await backup);
        var report = await import;
        Assert.True(report.Completed);
        using var restored = new StringWriter();
        Assert.Equal(0, await BackupCommand.RestoreAsync([PathOf("copy.db"), "--Graph:Embedded:Path", PathOf("restored.db")], restored, TextWriter.Null, CancellationToken.None));

        var copy = new EmbeddedGraphStore(PathOf("restored.db"), TimeProvider.System);
        await copy.InitializeAsync(CancellationToken.None);
        var version = await copy.GetVersionAsync(CancellationToken.None);
        var counts = await copy.CountAsync(Viewer.Everything, CancellationToken.None);
        // Each committed batch is 2,500 actors and one version: the copy holds whole batches, as many as its version says.
        Assert.Equal(0, counts.Nodes % BatchLines);
        Assert.Equal(version * BatchLines, counts.Nodes);
        Assert.InRange(version, 3, 40);
        Assert.True(await store.GetVersionAsync(CancellationToken.None) > version, "The backup was not taken while the import ran.");
        await using var app = new RestoredApp(PathOf("restored.db"));
        var answer = await app.CreateClient().PostAsync("{ graphStats { nodes } actor(id: \"sse:0\") { name } }");
        Assert.Equal(counts.Nodes, answer["data"]!["graphStats"]!["nodes"]!.GetValue<long>());
        Assert.Equal("Acteur 0", answer["data"]!["actor"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restore_RefusesToReplaceAStoreWithData_UnlessForced()
    {
        var source = new EmbeddedGraphStore(PathOf("source.db"), TimeProvider.System);
        await source.InitializeAsync(CancellationToken.None);
        await new ImportRunner(source).RunAsync(ActorLines(10, 10, Task.CompletedTask), null, CancellationToken.None);
        Assert.Equal(0, await BackupCommand.BackupAsync(["--out", PathOf("copy.db"), "--Graph:Embedded:Path", PathOf("source.db")], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var target = new EmbeddedGraphStore(PathOf("target.db"), TimeProvider.System);
        await target.InitializeAsync(CancellationToken.None);
        await new ImportRunner(target).RunAsync(ActorLines(3, 3, Task.CompletedTask), null, CancellationToken.None);
        using var refusal = new StringWriter();

        var refused = await BackupCommand.RestoreAsync([PathOf("copy.db"), "--Graph:Embedded:Path", PathOf("target.db")], TextWriter.Null, refusal, CancellationToken.None);
        var kept = await target.CountAsync(Viewer.Everything, CancellationToken.None);
        var forced = await BackupCommand.RestoreAsync([PathOf("copy.db"), "--force", "--Graph:Embedded:Path", PathOf("target.db")], TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var replaced = await new EmbeddedGraphStore(PathOf("target.db"), TimeProvider.System).CountAsync(Viewer.Everything, CancellationToken.None);

        Assert.Equal(1, refused);
        Assert.Contains("--force", refusal.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, kept.Nodes);
        Assert.Equal(0, forced);
        Assert.Equal(10, replaced.Nodes);
    }

    [Fact]
    public async Task ABackupNeverOverwrites_AndRestoreRefusesWhatIsNotAStore()
    {
        var source = new EmbeddedGraphStore(PathOf("source.db"), TimeProvider.System);
        await source.InitializeAsync(CancellationToken.None);
        await File.WriteAllTextAsync(PathOf("taken.db"), "mine");
        await File.WriteAllTextAsync(PathOf("notes.txt"), "not a database at all, but long enough to look like a file header of some kind");
        using var backupErrors = new StringWriter();
        using var restoreErrors = new StringWriter();

        var backup = await BackupCommand.BackupAsync(["--out", PathOf("taken.db"), "--Graph:Embedded:Path", PathOf("source.db")], TextWriter.Null, backupErrors, CancellationToken.None);
        var restore = await BackupCommand.RestoreAsync([PathOf("notes.txt"), "--Graph:Embedded:Path", PathOf("target.db")], TextWriter.Null, restoreErrors, CancellationToken.None);

        Assert.Equal(1, backup);
        Assert.Contains("never overwrites", backupErrors.ToString(), StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(PathOf("taken.db")));
        Assert.Equal(1, restore);
        Assert.Contains("not a CoopGraph store", restoreErrors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("target.db")));
    }

    private sealed class RestoredApp(string database) : IsolatedAppFactory
    {
        public override string DatabasePath => database;

        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Graph:SeedDemo", "false");
    }
}
