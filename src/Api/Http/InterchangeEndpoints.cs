using CoopGraph.Api.Authentication;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Graph;
using CoopGraph.Graph.Access;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData;
using Microsoft.AspNetCore.Http.Features;

namespace CoopGraph.Api.Http;

/// <summary>Bulk import (POST /api/import, write scope, NDJSON, CSV with ?kind=, or an open-data file with ?source=) and export (GET /api/export, read scope, NDJSON).</summary>
public static class InterchangeEndpoints
{
    public const string NdjsonMediaType = "application/x-ndjson";
    public const string CsvMediaType = "text/csv";

    public static void MapCoopGraphInterchange(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/import", ImportAsync);
        endpoints.MapGet("/api/export", ExportAsync);
        endpoints.MapGet("/api/changes", ChangeEndpoints.ChangesAsync);
    }

    private static async Task ImportAsync(HttpContext http, OperationAccess access, IGraphStore store)
    {
        if (!await AllowedAsync(http, access, ApiScopes.Write))
        {
            return;
        }
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        var isCsv = string.Equals(mediaType, CsvMediaType, StringComparison.OrdinalIgnoreCase);
        if (!isCsv && !string.Equals(mediaType, NdjsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            await ProblemAsync(http, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.BadRequest, $"Send the import as {NdjsonMediaType} or {CsvMediaType}.");
            return;
        }
        // An import is as long as the data: it is streamed, never held, so the body limit of /graphql does not apply.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }
        var runner = new ImportRunner(store, writer: http.User.AsViewer());
        if (!isCsv)
        {
            // NDJSON is read as bytes, straight from the body.
            await http.Response.WriteAsJsonAsync(await runner.RunAsync(http.Request.Body, null, http.RequestAborted), http.RequestAborted);
            return;
        }
        // The CSV reader (Sep) reads synchronously; the body is streamed, never held, so a thread waits only for the client.
        http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8);
        if (http.Request.Query["source"].FirstOrDefault() is { } source)
        {
            await ImportOpenDataAsync(http, store, reader, source);
            return;
        }
        try
        {
            var report = await runner.RunCsvAsync(reader, http.Request.Query["kind"].FirstOrDefault(), null, http.RequestAborted);
            await http.Response.WriteAsJsonAsync(report, http.RequestAborted);
        }
        catch (FormatException e)
        {
            // A CSV header that does not fit: nothing was read past it.
            await ProblemAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, e.Message);
        }
    }

    /// <summary>
    /// An official open-data file (?source=NAME, see <c>opendata sources</c>), located against the communes already in
    /// the store. Files that join two files of one run (the doctoral-school edges) need the verb.
    /// </summary>
    private static async Task ImportOpenDataAsync(HttpContext http, IGraphStore store, StreamReader reader, string source)
    {
        try
        {
            if (http.User.AsViewer() is { SeesAll: false, AuthorityId: { } authority })
            {
                await ProblemAsync(http, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                    $"Open data is public data: the key bound to '{authority}' writes only data private to it. Import open data with a key bound to no authority.");
                return;
            }
            var importer = new OpenDataImporter(store);
            var context = await importer.CreateContextAsync(http.RequestAborted);
            using var table = CsvTable.Open(reader);
            var report = await importer.ImportAsync(table, OpenDataSources.Find(source), source + ".csv", context, null, http.RequestAborted);
            await http.Response.WriteAsJsonAsync(report, http.RequestAborted);
        }
        catch (OpenDataFormatException e)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, e.Message);
        }
    }

    private static async Task ExportAsync(HttpContext http, OperationAccess access, IGraphStore store)
    {
        if (!await AllowedAsync(http, access, ApiScopes.Read))
        {
            return;
        }
        // Asked first, so that a store out of reach is a 503 with its reason, not a body cut short: once the stream has begun,
        // the status is sent.
        var version = await store.GetVersionAsync(http.RequestAborted);
        http.Response.ContentType = NdjsonMediaType + "; charset=utf-8";
        // The export is of this version or a later one: the change feed since it (/api/changes?since=) brings a copy up to date.
        http.Response.Headers[ChangeEndpoints.VersionHeader] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The store pushes rows into a synchronous sink; a large buffer keeps those writes few.
        http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        await using var buffered = new BufferedStream(http.Response.Body, 1 << 16);
        using (var writer = new NdjsonGraphWriter(buffered))
        {
            await store.ExportAsync(http.User.AsViewer(), writer, http.RequestAborted);
        }
        await buffered.FlushAsync(http.RequestAborted);
    }

    internal static async Task<bool> AllowedAsync(HttpContext http, OperationAccess access, ApiScopes needed)
    {
        if (await access.CheckAsync(http, needed) is not { } refused)
        {
            return true;
        }
        await ProblemAsync(http, refused.Status, refused.Code, refused.Message);
        return false;
    }

    private static Task ProblemAsync(HttpContext http, int status, string code, string message) =>
        ErrorBody.WriteAsync(http.Response, status, code, message, http.RequestAborted);
}
