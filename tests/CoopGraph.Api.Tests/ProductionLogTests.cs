using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CoopGraph.Api.Commands;

namespace CoopGraph.Api.Tests;

/// <summary>The real process in Production: its console log is one JSON object a line, with what operators need and no secret.</summary>
public sealed class ProductionLogTests
{
    [Fact]
    public async Task RequestLog_IsJson_WithOperationAndKeyName_ButNeverTheKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "graph.db");
        using var created = new StringWriter();
        await KeysCommand.RunAsync(["create", "--name", "observatoire", "--scopes", "read", "--Graph:Embedded:Path", database], created, TextWriter.Null, CancellationToken.None);
        var key = created.ToString().Trim().Split('\n')[^1].Trim();
        try
        {
            var all = await RunServerAsync(database, "/graphql", async client =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
                {
                    Content = new StringContent("""{"query":"query Census { graphStats { nodes } }","operationName":"Census"}""", System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            });
            var requestLog = all.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/graphql");
            Assert.Equal("Census", requestLog.GetProperty("OperationName").GetString());
            Assert.Equal("observatoire", requestLog.GetProperty("ApiKey").GetString());
            Assert.True(requestLog.TryGetProperty("RequestId", out _));
            Assert.True(requestLog.TryGetProperty("Elapsed", out _));
            Assert.DoesNotContain(all, line => line.Contains(key, StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RequestLog_RedactsTheInvitationToken_OfASurveyPage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "graph.db");
        Directory.CreateDirectory(folder);
        var lines = Path.Combine(folder, "authority.ndjson");
        await File.WriteAllLinesAsync(lines,
        [
            """{"op":"node","kind":"AUTHORITY","id":"auth:log","name":"Commune de Journal","level":"COMMUNE"}""",
            """{"op":"node","kind":"SERVICE","id":"svc:log-social","name":"Action sociale","domain":"SOCIAL","authorityId":"auth:log","privateTo":"auth:log"}""",
        ]);
        Assert.Equal(0, await ImportCommand.RunAsync([lines, "--Graph:Embedded:Path", database], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        using var created = new StringWriter();
        Assert.Equal(0, await SurveyCommand.RunAsync(
            ["create", "--authority", "auth:log", "--title", "Enquête", "--Graph:Embedded:Path", database], created, TextWriter.Null, CancellationToken.None));
        var link = created.ToString().Split('\n').First(l => l.Contains("/survey/sv_", StringComparison.Ordinal)).Split(',')[^1].Trim();
        var token = link[(link.LastIndexOf('/') + 1)..];
        try
        {
            var all = await RunServerAsync(database, "/survey/(token)", async client =>
            {
                using var page = await client.GetAsync(new Uri(link).AbsolutePath);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
                {
                    Content = new StringContent("""{"query":"{ surveyForm { service { id } } }"}""", System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            });
            Assert.Contains(all, line => JsonDocument.Parse(line).RootElement.TryGetProperty("RequestPath", out var path) && path.GetString() == "/survey/(token)");
            Assert.DoesNotContain(all, line => line.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(all, line => line.Contains(token[..12], StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheServer_StartedFromAnotherFolder_ReadsTheSettingsBesideItsAssembly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var all = await RunServerAsync(Path.Combine(folder, "graph.db"), "/graphql", async client =>
            {
                using var response = await client.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }, workingDirectory: folder);

            // appsettings.json puts Microsoft.AspNetCore at Warning: without it, every request would log "Request starting" at Information.
            Assert.DoesNotContain(all, line => line.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
            Assert.Contains(all, line => line.Contains("\"RequestPath\":\"/graphql\"", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheImportVerb_OnNeo4j_FromAnotherFolder_LogsNoHttpTraffic()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var lines = Path.Combine(folder, "actors.ndjson");
        await File.WriteAllLinesAsync(lines, Enumerable.Range(0, 50).Select(i =>
            $$"""{"op":"node","kind":"SSE_ACTOR","id":"sse:{{i}}","name":"Acteur {{i}}","legalForm":"ASSOCIATION"}"""));
        await using var neo4j = await CoopGraph.Tests.Shared.ScriptedNeo4j.StartAsync(CoopGraph.Tests.Shared.ScriptedGraph.Empty().Respond);
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoopGraph.Api.dll"), "import", lines,
                "--Graph:Provider", "Neo4j", "--Graph:Neo4j:Uri", neo4j.Uri.ToString(), "--Graph:Neo4j:Password", "test-password-4"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var log = await output + await errors;

            Assert.True(process.ExitCode == 0, log);
            Assert.Contains(neo4j.Requests, r => CoopGraph.Tests.Shared.ScriptedGraph.NameOf(r) == "nodes-create");
            Assert.DoesNotContain("HTTP request", log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("System.Net.Http", log, StringComparison.Ordinal);
            Assert.DoesNotContain("test-password-4", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the server in Production on <paramref name="database"/>, acts, and returns its console lines once the request log of <paramref name="awaitedPath"/> is written.</summary>
    private static async Task<string[]> RunServerAsync(string database, string awaitedPath, Func<HttpClient, Task> act, string? workingDirectory = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoopGraph.Api.dll"), "--urls", $"http://127.0.0.1:{port}", "--Graph:Embedded:Path", database])
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var lines = new List<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.BeginOutputReadLine();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(client);
            await act(client);
            for (var attempt = 0; attempt < 100; attempt++)
            {
                await Task.Delay(50);
                lock (lines)
                {
                    if (lines.Any(l => l.Contains($"\"RequestPath\":\"{awaitedPath}\"", StringComparison.Ordinal)))
                    {
                        break;
                    }
                }
            }
            string[] all;
            lock (lines)
            {
                all = [.. lines];
            }
            Assert.All(all, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
            return all;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        Assert.Fail("The API never became ready.");
    }
}
