using CoopGraph.Domain.Model;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Api.Http;
using CoopGraph.Domain.Generation;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Interchange;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Api.Tests;

public sealed class InterchangeTests(CoopGraphFactory demo) : IClassFixture<CoopGraphFactory>
{
    [Fact]
    public async Task Export_ImportsIntoAnEmptyInstance_WithTheSameGraph()
    {
        using var exported = await demo.CreateClient().GetAsync("/api/export");
        var body = await exported.Content.ReadAsStringAsync();
        await using var empty = new EmptyFactory();

        using var content = new StringContent(body, Encoding.UTF8, InterchangeEndpoints.NdjsonMediaType);
        using var imported = await empty.CreateClient().PostAsync("/api/import", content);
        var report = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        var before = (await demo.CreateClient().PostAsync("{ graphStats { nodes links } }"))["data"]!["graphStats"]!;
        var after = (await empty.CreateClient().PostAsync("{ graphStats { nodes links } }"))["data"]!["graphStats"]!;

        Assert.Equal("application/x-ndjson", exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.True(report["completed"]!.GetValue<bool>());
        Assert.Equal(0, report["rejected"]!.GetValue<int>());
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Import_ReportsBadLines_AndRefusesOtherMediaTypes()
    {
        const string Lines = """
            {"op":"node","kind":"THEME","id":"test:import-theme","name":"Imported","domain":"SPORT"}
            {"op":"node","kind":"SSE_ACTOR","id":"test:import-actor","name":"Imported actor"}
            {"op":"link","type":"WORKS_ON","sourceId":"sse:club-foot","targetId":"test:import-theme"}
            """;
        using var wrongType = await demo.CreateClient().PostAsync("/api/import", new StringContent(Lines, Encoding.UTF8, "text/plain"));
        using var content = new StringContent(Lines, Encoding.UTF8, InterchangeEndpoints.NdjsonMediaType);

        using var response = await demo.CreateClient().PostAsync("/api/import", content);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal((1, 1), (report["nodesWritten"]!.GetValue<int>(), report["linksWritten"]!.GetValue<int>()));
        var rejected = Assert.Single(report["rejectedLines"]!.AsArray())!;
        Assert.Equal(2, rejected["line"]!.GetValue<int>());
        Assert.Contains("legalForm", rejected["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task CsvImport_TakesTheKindFromTheQuery_AndRefusesAWrongHeader()
    {
        using var themes = new StringContent("id,name,domain\ntest:csv-theme,Thème CSV,CULTURE\n", Encoding.UTF8, InterchangeEndpoints.CsvMediaType);
        using var wrong = new StringContent("identifier,label\nx,y\n", Encoding.UTF8, InterchangeEndpoints.CsvMediaType);

        using var imported = await demo.CreateClient().PostAsync("/api/import?kind=THEME", themes);
        using var refused = await demo.CreateClient().PostAsync("/api/import?kind=THEME", wrong);

        Assert.Equal(1, JsonNode.Parse(await imported.Content.ReadAsStringAsync())!["nodesWritten"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id, name", await refused.Content.ReadAsStringAsync());
        var theme = (await demo.CreateClient().PostAsync("""{ node(id: "test:csv-theme") { ... on Theme { name domain } } }"""))["data"]!["node"]!;
        Assert.Equal("Thème CSV", theme["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AKilledImport_LeavesWholeBatchesOnly_AndFinishesWhenRunAgain()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "region.ndjson");
            await using (var stream = File.Create(file))
            using (var writer = new NdjsonGraphWriter(stream))
            {
                new GraphGenerator(GeneratorScale.Region).Generate(writer);
            }
            var killedDb = Path.Combine(folder, "killed.db");

            using (var child = StartImport(file, killedDb))
            {
                await WaitForVersionAsync(killedDb, atLeast: 3, child);
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }
            SqliteConnection.ClearAllPools();
            var (version, nodes, links, integrity, killedSchema) = await ReadStateAsync(killedDb);
            var killedRepeats = await RepeatedLinksAsync(killedDb);

            // Every committed batch is one version step of exactly BatchSize lines: importing that many lines into a
            // fresh store must give the very same graph, or something partial was left behind.
            var committedLines = (await File.ReadAllLinesAsync(file)).Take((int)version * ImportRunner.BatchSize);
            var reference = new EmbeddedGraphStore(Path.Combine(folder, "reference.db"), TimeProvider.System);
            await reference.InitializeAsync(CancellationToken.None);
            await new ImportRunner(reference).RunAsync(new StringReader(string.Join('\n', committedLines)), null, CancellationToken.None);
            var expected = await reference.CountAsync(Viewer.Everything, CancellationToken.None);

            using (var rerun = StartImport(file, killedDb))
            {
                await rerun.WaitForExitAsync();
                Assert.Equal(0, rerun.ExitCode);
            }
            SqliteConnection.ClearAllPools();
            var finished = await ReadStateAsync(killedDb);
            var complete = new EmbeddedGraphStore(Path.Combine(folder, "complete.db"), TimeProvider.System);
            await complete.InitializeAsync(CancellationToken.None);
            using (var reader = new StreamReader(file))
            {
                await new ImportRunner(complete).RunAsync(reader, null, CancellationToken.None);
            }
            var whole = await complete.CountAsync(Viewer.Everything, CancellationToken.None);
            SqliteConnection.ClearAllPools();
            var completeSchema = (await ReadStateAsync(Path.Combine(folder, "complete.db"))).Schema;

            Assert.Equal("ok", integrity);
            // The load wrote its links without the unique link indexes, proven new by its memory: none twice, by id or by ends.
            Assert.Equal((0L, 0L), killedRepeats);
            Assert.True(version >= 3, $"killed at version {version}");
            Assert.Equal((expected.Nodes, expected.Links), (nodes, links));
            Assert.Equal((whole.Nodes, whole.Links), (finished.Nodes, finished.Links));
            // The killed load into an empty store had deferred its neighbourhood and search indexes; the next start put them back.
            Assert.DoesNotContain("ix_links_target", killedSchema, StringComparison.Ordinal);
            Assert.Contains("ix_links_target", completeSchema, StringComparison.Ordinal);
            Assert.Equal(completeSchema, finished.Schema);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Process StartImport(string file, string database)
    {
        var start = new ProcessStartInfo("dotnet", ["CoopGraph.Api.dll", "import", file, "--Graph:Embedded:Path", database])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        // Drain the pipes so that the child never blocks on a full one.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitForVersionAsync(string database, long atLeast, Process child)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            if (File.Exists(database))
            {
                try
                {
                    if ((await ReadStateAsync(database)).Version >= atLeast)
                    {
                        return;
                    }
                }
                catch (SqliteException)
                {
                    // Not migrated yet.
                }
            }
            await Task.Delay(20);
        }
        Assert.Fail($"The import never reached version {atLeast} (exited: {child.HasExited}).");
    }

    private static async Task<(long Ids, long Ends)> RepeatedLinksAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT COUNT(*) - COUNT(DISTINCT id) FROM links), " +
            "(SELECT COUNT(*) FROM (SELECT 1 FROM links WHERE type NOT IN ('FUNDS', 'APPLIED_TO') GROUP BY source_id, target_id, type HAVING COUNT(*) > 1))";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<(long Version, long Nodes, long Links, string Integrity, string Schema)> ReadStateAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT value FROM store_meta WHERE key = 'version'), (SELECT COUNT(*) FROM nodes), (SELECT COUNT(*) FROM links), (SELECT integrity_check FROM pragma_integrity_check), " +
            "(SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name))";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4));
    }

    private sealed class EmptyFactory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
        }
    }
}
