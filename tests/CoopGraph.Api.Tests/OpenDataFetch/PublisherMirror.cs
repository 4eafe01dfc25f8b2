using System.Collections.Concurrent;
using CoopGraph.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoopGraph.Api.Tests.OpenDataFetch;

/// <summary>A file the mirror serves: its bytes, type and the headers a publisher would send with it.</summary>
internal sealed record MirroredFile(byte[] Body, string ContentType, int Status = StatusCodes.Status200OK, DateTimeOffset? LastModified = null);

/// <summary>
/// A local HTTP server (Kestrel on loopback) laid out as <c>opendata fetch --mirror</c> expects a copy of the
/// publishers' sites: each under its host name. There is no internet here; this stands for data.gouv.fr and the portals.
/// </summary>
internal sealed class PublisherMirror : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PublisherMirror(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
    }

    public Uri Uri { get; }

    /// <summary>Every path asked for, with its query, in order.</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    public static async Task<PublisherMirror> StartAsync(IReadOnlyDictionary<string, MirroredFile> files)
    {
        var port = ScriptedNeo4j.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var mirror = new PublisherMirror(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "";
            mirror.Asked.Enqueue(path + http.Request.QueryString.Value);
            if (!files.TryGetValue(path, out var file))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.StatusCode = file.Status;
            http.Response.ContentType = file.ContentType;
            if (file.LastModified is { } modified)
            {
                http.Response.Headers.LastModified = modified.ToString("R");
            }
            await http.Response.Body.WriteAsync(file.Body, http.RequestAborted);
        });
        await app.StartAsync();
        return mirror;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
