using CoopGraph.Graph;
using CoopGraph.Graph.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Registers the store chosen by <c>Graph:Provider</c>, its start-up (migrations, demo seed) and options.</summary>
    public static IServiceCollection AddCoopGraphGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmbeddedStoreOptions>().Bind(configuration.GetSection("Graph:Embedded"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Graph:Embedded:Path must not be empty.").ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value.Path;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new EmbeddedGraphStore(Path.Combine(root, path), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        services.AddSingleton<CoopGraph.Graph.Access.IApiKeyStore, EmbeddedApiKeyStore>();
        services.AddSingleton<CoopGraph.Graph.Access.ITrustedDocumentStore, EmbeddedTrustedDocumentStore>();
        services.AddHostedService<StoreStartup>();
        services.AddSingleton(sp => new CoopGraph.Graph.Projections.ProjectionProvider(
            sp.GetRequiredService<IGraphStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CoopGraph.Graph.Projections.ProjectionProvider>>(),
            TimeSpan.FromMilliseconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>().Value.ProjectionMaxWaitMilliseconds)));
        // Registered after StoreStartup: hosted services start in order, so the store is migrated and seeded first.
        services.AddHostedService<CoopGraph.Graph.Projections.ProjectionWarmUp>();
        return services;
    }
}
