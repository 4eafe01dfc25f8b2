using System.Diagnostics;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// Between commits the store knows its version from the WAL index's header, without asking SQLite; a commit by anyone,
/// another process included, is seen by the very next read.
/// </summary>
public sealed class CommitWatchTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task VersionReads_WithNothingCommitted_AskTheFileOnce_AndSeeTheNextCommitOfThisProcess()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        Assert.True(store.WatchesCommits);
        var version = await store.GetVersionAsync(Ct);
        var read = store.VersionsRead;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(version, await store.GetVersionAsync(Ct));
        }
        Assert.Equal(read, store.VersionsRead);

        // Written through another store object (its own connections), as a second server would.
        var writer = temp.Open();
        Assert.True((await writer.WriteAsync(new GraphBatch
        {
            Nodes = [new NodeUpsert(new Theme { Id = "t:watched", Name = "Suivi", Domain = PolicyDomain.Culture }, ["nodes", 0])],
        }, Ct)).Succeeded);
        var written = await writer.GetVersionAsync(Ct);
        Assert.True(written > version);
        Assert.Equal(written, await store.GetVersionAsync(Ct));
        Assert.Equal(read + 1, store.VersionsRead);
        writer.Dispose();
    }

    [PythonFact]
    public async Task ACommitOfAnotherProcess_IsSeenByTheNextVersionRead()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        Assert.True(store.WatchesCommits);
        var version = await store.GetVersionAsync(Ct);
        Assert.Equal(version, await store.GetVersionAsync(Ct));

        for (var i = 1; i <= 3; i++)
        {
            // Python's sqlite3 module links its own SQLite: another process and another library, one file.
            var start = new ProcessStartInfo(PythonFactAttribute.Python)
            {
                ArgumentList =
                {
                    "-c",
                    "import sqlite3, sys\n" +
                    "c = sqlite3.connect(sys.argv[1])\n" +
                    "c.execute(\"UPDATE store_meta SET value = value + 1 WHERE key = 'version'\")\n" +
                    "c.commit()\n" +
                    "c.close()\n",
                    temp.DatabasePath,
                },
                RedirectStandardError = true,
            };
            using var python = Process.Start(start)!;
            var error = await python.StandardError.ReadToEndAsync(Ct);
            await python.WaitForExitAsync(Ct);
            Assert.True(python.ExitCode == 0, error);
            Assert.Equal(version + i, await store.GetVersionAsync(Ct));
        }
    }

    [Fact]
    public async Task AfterTheStoreIsDisposed_VersionsAreStillRead()
    {
        await using var temp = await TempStore.CreateAsync();
        var version = await temp.Store.GetVersionAsync(Ct);
        temp.Store.Dispose();
        Assert.False(temp.Store.WatchesCommits);
        Assert.Equal(version, await temp.Store.GetVersionAsync(Ct));
    }
}

/// <summary>Needs <c>/usr/bin/python3</c> (installed by .ci/run): skipped without it, except under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public PythonFactAttribute()
    {
        if (!File.Exists(Python) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "/usr/bin/python3 is absent: .ci/run installs it; a commit of another process is made with its sqlite3.";
        }
    }
}
