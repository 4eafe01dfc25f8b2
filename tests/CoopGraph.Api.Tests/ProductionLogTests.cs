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
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("""{"query":"query Census { graphStats { nodes } }","operationName":"Census"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            JsonElement? requestLog = null;
            for (var attempt = 0; attempt < 100 && requestLog is null; attempt++)
            {
                await Task.Delay(50);
                lock (lines)
                {
                    requestLog = lines.Select(l => JsonDocument.Parse(l).RootElement)
                        .Where(e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/graphql")
                        .Select(e => (JsonElement?)e).FirstOrDefault();
                }
            }

            string[] all;
            lock (lines)
            {
                all = [.. lines];
            }
            Assert.All(all, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
            Assert.NotNull(requestLog);
            Assert.Equal("Census", requestLog.Value.GetProperty("OperationName").GetString());
            Assert.Equal("observatoire", requestLog.Value.GetProperty("ApiKey").GetString());
            Assert.True(requestLog.Value.TryGetProperty("RequestId", out _));
            Assert.True(requestLog.Value.TryGetProperty("Elapsed", out _));
            Assert.DoesNotContain(all, line => line.Contains(key, StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
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
