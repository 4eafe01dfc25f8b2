using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Formatting.Compact;

namespace Microsoft.Extensions.DependencyInjection;

public static class ObservabilityExtensions
{
    /// <summary>
    /// Serilog as the only logger: compact JSON on the console in production (for log collectors), readable text
    /// elsewhere; levels from the <c>Serilog</c> section; request id, trace id and the request log's properties
    /// (operation name, key name, duration) come with every event.
    /// </summary>
    public static IServiceCollection AddCoopGraphLogging(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool toStandardError = false) =>
        services.AddSerilog(logger =>
        {
            // Neo4j's HTTP traffic is one line per request at Information: only when a setting asks for it.
            logger.MinimumLevel.Override("System.Net.Http.HttpClient", Serilog.Events.LogEventLevel.Warning)
                .ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            var errorsFrom = toStandardError ? Serilog.Events.LogEventLevel.Verbose : (Serilog.Events.LogEventLevel?)null;
            if (environment.IsProduction())
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: errorsFrom);
            }
            else
            {
                logger.WriteTo.Console(standardErrorFromLevel: errorsFrom);
            }
        });

    /// <summary>
    /// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, runtime, and GraphQL.NET's own activity source),
    /// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OpenTelemetry:OtlpEndpoint</c>) is set.
    /// </summary>
    public static IServiceCollection AddCoopGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] ?? configuration["OpenTelemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("coopgraph-api"))
            .WithTracing(tracing => tracing
                // The survey page's path holds the respondent's token: traces get it redacted, as the request log does.
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, request) =>
                {
                    var redacted = Microsoft.AspNetCore.Builder.RequestLogging.RedactedPath(request.Path.Value ?? "");
                    if (redacted != request.Path.Value)
                    {
                        activity.SetTag("url.path", redacted);
                        activity.DisplayName = $"{request.Method} {redacted}";
                    }
                })
                .AddHttpClientInstrumentation()
                .AddSource(GraphQL.Telemetry.GraphQLTelemetryProvider.SourceName)
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        return services;
    }
}
