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

    /// <summary>Runs the server in Production on <paramref name="database"/>, acts, and returns its console lines once the request log of <paramref name="awaitedPath"/> is written.</summary>
    private static async Task<string[]> RunServerAsync(string database, string awaitedPath, Func<HttpClient, Task> act)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["CoopGraph.Api.dll", "--urls", $"http://127.0.0.1:{port}", "--Graph:Embedded:Path", database])
        {
            WorkingDirectory = AppContext.BaseDirectory,
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
