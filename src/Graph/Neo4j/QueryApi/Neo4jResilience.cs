using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoopGraph.Graph.Options;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>
/// How requests to Neo4j are sent: a time limit per request; retries only of requests that cannot have reached Neo4j
/// (connection refused, name not resolved, 502/503/504 from a proxy or a starting server), since a write that timed out
/// may have been applied; and a circuit breaker, so that while Neo4j is down requests fail at once and a probe every few
/// seconds notices when it is back.
/// </summary>
public static class Neo4jResilience
{
    public static void Configure(HttpClient http, Neo4jOptions options)
    {
        var uri = options.Uri ?? throw new InvalidOperationException("Graph:Neo4j:Uri is not set.");
        http.BaseAddress = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        // The resilience pipeline times each attempt; HttpClient's own limit would cut a retried request short.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJson.MediaType));
        if (options.Password is { Length: > 0 } password)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.User + ":" + password)));
        }
    }

    public static void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, Neo4jOptions options)
    {
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && NeverReached(args.Outcome)),
        });
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.8,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
            ShouldHandle = args => ValueTask.FromResult(NeverReached(args.Outcome) || args.Outcome.Exception is Polly.Timeout.TimeoutRejectedException),
        });
        builder.AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
    }

    /// <summary>A failure that tells the request was not processed by Neo4j, so sending it again cannot apply it twice.</summary>
    public static bool NeverReached(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || outcome.Result?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
