using CoopGraph.Graph;
using CoopGraph.Graph.Access;
using CoopGraph.Graph.Changes;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Neo4j;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Graph.Options;
using CoopGraph.Graph.Projections;
using CoopGraph.Graph.ReadModel;
using CoopGraph.Graph.Surveys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Registers the store chosen by <c>Graph:Provider</c>, its start-up (schema, demo seed), projections and options.</summary>
    public static IServiceCollection AddCoopGraphGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // The one place a store is chosen: by configuration, read once here (an unknown name fails GraphOptions' validation).
        if (configuration[$"{GraphOptions.Section}:Provider"] == GraphOptions.Neo4j)
        {
            services.AddNeo4jStore(configuration);
        }
        else
        {
            services.AddEmbeddedStore(configuration);
        }
        services.AddOptions<ChangeFeedOptions>().Bind(configuration.GetSection(ChangeFeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ChangeRetention>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<StoreReadiness>();
        services.AddHostedService<StoreStartup>();
        services.AddSingleton(sp => new ProjectionProvider(
            sp.GetRequiredService<IGraphStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ProjectionProvider>>(),
            TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<GraphOptions>>().Value.ProjectionMaxWaitMilliseconds)));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return new ReadModelProvider(sp.GetRequiredService<IGraphStore>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ReadModelProvider>>(), options.ReadModelMaxElements,
                TimeSpan.FromMilliseconds(options.ReadModelMaxWaitMilliseconds));
        });
        // Registered after StoreStartup: hosted services start in order, so the store is prepared first.
        services.AddHostedService<ProjectionWarmUp>();
        return services;
    }

    private static void AddEmbeddedStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddedStoreOptions>().Bind(configuration.GetSection(EmbeddedStoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value.Path;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new EmbeddedGraphStore(Path.Combine(root, path), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        services.AddSingleton<IApiKeyStore, EmbeddedApiKeyStore>();
        services.AddSingleton<ITrustedDocumentStore, EmbeddedTrustedDocumentStore>();
        services.AddSingleton<ISurveyStore, EmbeddedSurveyStore>();
    }

    private static void AddNeo4jStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Neo4jOptions>().Bind(configuration.GetSection(Neo4jOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddNeo4jQueryClient();
        services.AddSingleton<Neo4jGraphStore>();
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<IApiKeyStore, Neo4jApiKeyStore>();
        services.AddSingleton<ITrustedDocumentStore, Neo4jTrustedDocumentStore>();
        services.AddSingleton<ISurveyStore, Neo4jSurveyStore>();
    }

    /// <summary>
    /// The Query API client and its <see cref="HttpClient"/>: base address, credentials and typed results from
    /// <see cref="Neo4jOptions"/>, and the resilience of <see cref="Neo4jResilience"/>.
    /// </summary>
    public static IServiceCollection AddNeo4jQueryClient(this IServiceCollection services)
    {
        services.AddHttpClient(Neo4jQueryClient.HttpClientName, (sp, http) => Neo4jResilience.Configure(http, sp.GetRequiredService<IOptions<Neo4jOptions>>().Value))
            .AddResilienceHandler("neo4j", (builder, context) => Neo4jResilience.Build(builder, context.ServiceProvider.GetRequiredService<IOptions<Neo4jOptions>>().Value));
        services.AddSingleton<Neo4jQueryClient>();
        return services;
    }
}
