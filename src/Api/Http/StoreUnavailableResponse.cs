using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Graph;

namespace CoopGraph.Api.Http;

/// <summary>
/// Answers 503 with Retry-After and a SERVICE_UNAVAILABLE error when the store cannot be reached outside a GraphQL
/// resolver (an API key lookup, an import, an export), instead of a 500: the server itself is fine and says so.
/// </summary>
public static class StoreUnavailableResponse
{
    public const int RetryAfterSeconds = 5;

    public static string Message(StoreUnavailableException e) => "The graph store is not available: " + e.Message + " Try again shortly.";

    /// <summary>The unavailability behind an exception, when there is one among it and its inner exceptions.</summary>
    public static StoreUnavailableException? Find(Exception? exception) => exception switch
    {
        null => null,
        StoreUnavailableException unavailable => unavailable,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => Find(exception.InnerException),
    };

    public static IApplicationBuilder UseStoreUnavailableResponses(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception caught) when (Find(caught) is { } e && !http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ErrorBody.WriteAsync(http.Response, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, Message(e), http.RequestAborted);
        }
    });
}
