using Serilog;
using Serilog.Events;

namespace Microsoft.AspNetCore.Builder;

public static class RequestLogging
{
    /// <summary>
    /// One structured line per request with method, path (never the query string, which may hold
    /// variables), status, duration and the GraphQL operation name set by the endpoint.
    /// </summary>
    public static WebApplication UseCoopGraphRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} {OperationName} responded {StatusCode} in {Elapsed:0.0} ms";
            // The path as logged never holds a survey invitation token (/survey/<token> is the respondent's credential).
            o.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RedactedPath(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<IDiagnosticContext>().Set("OperationName", "-");
            return next(http);
        });
        return app;
    }

    public const string SurveyPagePrefix = "/survey/";

    /// <summary>A request path fit for logs and traces: a survey page's token replaced by "(token)".</summary>
    public static string RedactedPath(string path) =>
        path.StartsWith(SurveyPagePrefix, StringComparison.OrdinalIgnoreCase) && path.Length > SurveyPagePrefix.Length
            ? SurveyPagePrefix + "(token)"
            : path;
}
