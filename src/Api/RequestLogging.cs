using Serilog;

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
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} {OperationName} responded {StatusCode} in {Elapsed:0.0} ms");
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<IDiagnosticContext>().Set("OperationName", "-");
            return next(http);
        });
        return app;
    }
}
