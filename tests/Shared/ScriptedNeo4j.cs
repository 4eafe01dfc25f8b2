using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Tests.Shared;

/// <summary>A request as the scripted server received it.</summary>
public sealed record ScriptedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    // Parsed once: tests and the load benchmark read a large body's statement and parameters several times.
    private readonly Lazy<JsonNode?> _json = new(() => Body.Length == 0 ? null : JsonNode.Parse(Body));

    public JsonNode? Json => _json.Value;

    public string? Statement => Json?["statement"]?.GetValue<string>();
}

/// <summary>What the scripted server answers: a status, a body written from the Query API's documented format, headers.</summary>
public sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Accepted(string body) => new(StatusCodes.Status202Accepted, body);

    public static ScriptedResponse Empty { get; } = Accepted("""{"data":{"fields":[],"values":[]},"bookmarks":["FB:x"]}""");
}

/// <summary>
/// A local HTTP server on loopback (Kestrel) that answers as a Neo4j Query API would, from a script: for testing the
/// client's requests and its handling of every kind of answer, where no Neo4j server runs. It records what it received.
/// </summary>
public sealed class ScriptedNeo4j : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedNeo4j(WebApplication app, int port)
    {
        _app = app;
        Uri = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Uri { get; }

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    /// <summary>A loopback port nothing listens on (for a server that refuses, or one that starts later).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<ScriptedNeo4j> StartAsync(Func<ScriptedRequest, ScriptedResponse> respond, int? port = null)
    {
        var chosen = port ?? FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{chosen}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedNeo4j(app, chosen);
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var request = new ScriptedRequest(
                http.Request.Method, http.Request.Path.Value ?? "",
                http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                await reader.ReadToEndAsync(http.RequestAborted));
            server.Requests.Enqueue(request);
            var response = respond(request);
            http.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                http.Response.Headers[name] = value;
            }
            if (response.Body.Length > 0)
            {
                http.Response.ContentType = "application/vnd.neo4j.query";
                await http.Response.WriteAsync(response.Body, http.RequestAborted);
            }
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A loopback listener that accepts connections and never answers: a Neo4j that hangs.</summary>
public sealed class StallingListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public StallingListener()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _held)
        {
            client.Dispose();
        }
        _stop.Dispose();
    }
}
