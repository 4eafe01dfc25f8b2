using CoopGraph.Graph;

namespace CoopGraph.Api.Commands;

/// <summary>
/// The store a verb works on: the configuration (appsettings, environment, <c>--Graph:Embedded:Path …</c>) decides
/// it, as for the server, so that a verb and the server share one store. Migrated before use.
/// </summary>
internal static class StoreHost
{
    public static async Task<IHost> StartAsync(string[] settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Services.AddCoopGraphGraph(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);
        return host;
    }
}
