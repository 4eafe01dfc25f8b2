using CoopGraph.Api.Authentication;
using CoopGraph.Api.GraphQL;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Api.Http;
using CoopGraph.Api.Options;
using CoopGraph.Api.Protection;
using CoopGraph.Graph;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApiServiceCollectionExtensions
{
    /// <summary>GraphQL schema and executer, per-request loaders, health checks.</summary>
    public static IServiceCollection AddCoopGraphApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoopGraphApiOptions();
        services.AddCoopGraphRateLimits();
        services.AddCoopGraphCors();
        services.AddCoopGraphAuthentication();
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton<CoopGraph.Api.Streaming.VersionWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CoopGraph.Api.Streaming.VersionWatcher>());
        services.AddSingleton<CoopGraph.Api.Streaming.StreamCounter>();
        services.AddScoped<RequestReader>();
        services.AddSingleton<CoopGraph.Api.GraphQL.Documents.DocumentCache>();
        services.AddSingleton<CoopGraph.Api.GraphQL.Responses.ResponseCache>();
        services.AddSingleton<CoopGraph.Api.GraphQL.Direct.DirectExecuter>();
        services.AddSingleton<global::GraphQL.DI.IConfigureExecution, CoopGraph.Api.GraphQL.Documents.CachedDocumentExecution>();
        services.AddScoped<RequestLoaders>();
        services.AddScoped<CoopGraph.Api.GraphQL.Surveys.SurveyLoaders>();
        services.AddHttpContextAccessor();
        services.AddSingleton<CoopGraph.Api.GraphQL.Analytics.AnalysisCache>();
        services.AddCoopGraphTypes();
        services.AddGraphQL(b => b
            .AddSchema<CoopGraphSchema>()
            // Relaxed escaping keeps accented names readable; responses are JSON, never embedded in HTML.
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(new CoopGraphErrorInfoProvider())
            // GraphQL.NET's activities for OpenTelemetry; the document is not recorded (literals may hold personal data).
            .UseTelemetry(telemetry => telemetry.RecordDocument = false)
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var limits = provider.GetRequiredService<IOptions<QueryLimitsOptions>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
                complexity.DefaultComplexityImpactDelegate = ComplexityEstimate.Of;
            })
            .AddValidationRule<QueryShapeLimitsRule>()
            .AddExecutionStrategy<ImmediateExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .ConfigureExecutionOptions(options =>
            {
                var limits = options.RequestServices!.GetRequiredService<IOptions<QueryLimitsOptions>>().Value;
                options.Timeout = TimeSpan.FromSeconds(limits.TimeoutSeconds);
                options.TimeoutAction = GraphQL.Execution.TimeoutAction.ReturnTimeoutError;
                if (!limits.AllowIntrospection)
                {
                    options.ValidationRules = GraphQL.Validation.DocumentValidator.CoreRules.Append(GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule.Instance);
                }
            })
            .AddUnhandledExceptionHandler(context =>
            {
                // Inputs that name nothing are the caller's mistake, not ours: BAD_USER_INPUT with the reason.
                if (context.OriginalException is InvalidCursorException or CoopGraph.Domain.Analytics.AnalysisInputException)
                {
                    context.Exception = BadInput.Error(context.OriginalException.Message);
                }
                // A store out of reach is nobody's mistake: a clear code, so that clients retry rather than report a bug.
                // Loaders hand the store's exception on inside others, hence the walk down the inner exceptions.
                if (StoreUnavailableResponse.Find(context.OriginalException) is { } unavailable)
                {
                    context.Exception = new GraphQL.ExecutionError(StoreUnavailableResponse.Message(unavailable)) { Code = ErrorCodes.ServiceUnavailable };
                }
                // Other exceptions stay UnhandledError: the HTTP endpoint logs them, the client sees INTERNAL.
            }));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

}
