using CoopGraph.Api.GraphQL;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Api.Http;
using CoopGraph.Graph;
using GraphQL;
using Serilog;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApiServiceCollectionExtensions
{
    /// <summary>GraphQL schema and executer, per-request loaders, health checks.</summary>
    public static IServiceCollection AddCoopGraphApi(this IServiceCollection services)
    {
        services.AddScoped<RequestLoaders>();
        services.AddSingleton<CoopGraph.Api.GraphQL.Analytics.AnalysisCache>();
        services.AddCoopGraphTypes();
        services.AddGraphQL(b => b
            .AddSchema<CoopGraphSchema>()
            // Relaxed escaping keeps accented names readable; responses are JSON, never embedded in HTML.
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(new CoopGraphErrorInfoProvider())
            .AddUnhandledExceptionHandler(context =>
            {
                // Inputs that name nothing are the caller's mistake, not ours: BAD_USER_INPUT with the reason.
                if (context.OriginalException is InvalidCursorException or CoopGraph.Domain.Analytics.AnalysisInputException)
                {
                    context.Exception = BadInput.Error(context.OriginalException.Message);
                }
                // Other exceptions stay UnhandledError: the HTTP endpoint logs them, the client sees INTERNAL.
            }));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>Serilog as the only logger, configured from the <c>Serilog</c> section.</summary>
    public static IServiceCollection AddCoopGraphLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog(logger => logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext().WriteTo.Console());
}
