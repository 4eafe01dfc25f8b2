using CoopGraph.Api.Options;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoopGraph.Api.Http;

/// <summary>
/// Serves the explorer at / and GraphiQL at /graphql to browsers, from the ClientApp's build output. The pages load
/// nothing from another host, and the Content-Security-Policy holds them to that.
/// </summary>
public static class ExplorerPages
{
    public const string ExplorerPage = "index.html";
    public const string GraphiQLPage = "graphiql.html";
    public const string SurveyPage = "survey.html";

    // Inline styles: cytoscape and the Monaco editor set style attributes; blob: workers and images: Monaco's
    // workers and the PNG export. Scripts only from this origin, never inline or evaluated.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static void MapCoopGraphExplorer(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<ExplorerOptions>>().Value.ResolvedRoot;
        if (Directory.Exists(Path.Combine(root, "assets")))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                // Only the hashed bundles: their names change with their content, so browsers may keep them for a year.
                FileProvider = new PhysicalFileProvider(Path.Combine(root, "assets")),
                RequestPath = "/assets",
                OnPrepareResponse = c =>
                {
                    c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                    c.Context.Response.Headers.XContentTypeOptions = "nosniff";
                },
            });
        }
        app.MapGet("/", (HttpContext http, IOptions<ExplorerOptions> options) => WritePageAsync(http, options.Value, ExplorerPage));
        // A respondent's page: the token in the path is read by the page itself and sent as its credential.
        app.MapGet("/survey/{token}", (HttpContext http, IOptions<ExplorerOptions> options) => WritePageAsync(http, options.Value, SurveyPage));
    }

    /// <summary>A browser's GET of /graphql without a query: it asks for the page, not for an operation.</summary>
    public static bool WantsGraphiQL(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Query.ContainsKey("query") || request.Query.ContainsKey("documentId"))
        {
            return false;
        }
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges))
        {
            return false;
        }
        double html = 0, json = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var type = range.MediaType.Value;
            if (string.Equals(type, "text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (string.Equals(type, MediaTypes.Json, StringComparison.OrdinalIgnoreCase) || string.Equals(type, MediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }
        return html > 0 && html >= json;
    }

    public static Task WriteGraphiQLAsync(HttpContext http, ExplorerOptions options) => WritePageAsync(http, options, GraphiQLPage);

    private static async Task WritePageAsync(HttpContext http, ExplorerOptions options, string page)
    {
        var path = Path.Combine(options.ResolvedRoot, page);
        if (!File.Exists(path))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                $"The {page} page is not built: build the API project with Node.js and npm on the PATH (its ClientApp target builds it). The API is at /graphql.",
                http.RequestAborted);
            return;
        }
        var headers = http.Response.Headers;
        headers.ContentType = "text/html; charset=utf-8";
        // The page names the current bundles, so it is revalidated on each visit.
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await http.Response.SendFileAsync(path, http.RequestAborted);
    }
}
