namespace CoopGraph.Api.Http;

/// <summary>
/// A request its caller gave up on (closed the connection, or the server is stopping) ends as 499, the status proxies
/// log for it, instead of an unhandled cancellation: that was a 500 and an error with a stack trace in the log for every
/// load test stopped midway or client timing out, which says nothing wrong about the server. Cancellations of the
/// server's own (a time limit of a read) still go on as errors.
/// </summary>
public static class ClientClosedRequest
{
    public const int Status = 499;

    public static IApplicationBuilder UseClientClosedRequests(this IApplicationBuilder app) => app.Use(HandleAsync);

    internal static async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // Nobody reads the answer: only the status, for the request log (an answer already begun keeps its own).
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                http.Response.StatusCode = Status;
            }
        }
    }
}
