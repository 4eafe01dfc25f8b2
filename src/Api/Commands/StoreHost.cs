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
        var host = Build(settings);
        await host.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);
        return host;
    }

    /// <summary>The host without preparing its store: for a verb that only copies the file of a store that may be in use.</summary>
    public static IHost Build(string[] settings)
    {
        // A verb reads its configuration once. Watching it for changes (the host's default) watches every directory
        // under the current one: started from a folder with thousands of them, an import spent a fifth of a core on
        // the watcher (tens of thousands of lstat, getdents and inotify calls).
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, Configuration = configuration });
        builder.Configuration.AddSettingsBesideAssembly(builder.Environment.EnvironmentName);
        // The same logger and levels as the server's, on the error stream: a verb's output is its report.
        builder.Services.AddCoopGraphLogging(builder.Configuration, builder.Environment, toStandardError: true);
        builder.Services.AddCoopGraphGraph(builder.Configuration);
        return builder.Build();
    }
}
