using System.Globalization;
using System.Threading.RateLimiting;
using CoopGraph.Api.GraphQL.Common;

using CoopGraph.Api.Options;

namespace CoopGraph.Api.Protection;

public static class RateLimitingExtensions
{
    /// <summary>
    /// Two fixed-window limiters chained: one per client address, one per presented API key. Refusals are 429 with
    /// Retry-After and a RATE_LIMITED error; health endpoints are never limited.
    /// </summary>
    public static IServiceCollection AddCoopGraphRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Limited(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Window(Options(http).PerAddressPerMinute))
                    : RateLimitPartition.GetNoLimiter("unlimited")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Limited(http) && Authentication.ApiKeyAuthenticationHandler.PresentedKey(http.Request) is { } key
                    ? RateLimitPartition.GetFixedWindowLimiter("key:" + Graph.Access.ApiKeyMaterial.Hash(key), _ => Window(Options(http).PerKeyPerMinute))
                    : RateLimitPartition.GetNoLimiter("unlimited")));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Http.ErrorBody.WriteAsync(context.HttpContext.Response, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    $"Too many requests: try again in {seconds} s.", cancellationToken, Http.MediaTypes.GraphQLResponse);
            };
        });
        return services;
    }

    // CORS preflights cost nothing and are answered before the limiter; counting them would halve a browser's quota.
    private static bool Limited(HttpContext http) =>
        !HttpMethods.IsOptions(http.Request.Method)
        && (http.Request.Path.StartsWithSegments("/graphql") || http.Request.Path.StartsWithSegments("/api"));

    private static RateLimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
