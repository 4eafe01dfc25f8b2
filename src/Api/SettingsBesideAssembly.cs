using Microsoft.Extensions.Configuration.Json;

namespace Microsoft.Extensions.Configuration;

public static class SettingsBesideAssemblyExtensions
{
    /// <summary>
    /// Reads <c>appsettings.json</c> and the environment's file from the folder of the assembly, under every other
    /// source. The host looks for them in the content root, which is the current folder: a server or a verb started
    /// from elsewhere (a service manager, a script in another folder) would otherwise run without the shipped
    /// settings — log levels included. Files in the content root, the environment and the command line still win.
    /// </summary>
    public static IConfigurationManager AddSettingsBesideAssembly(this IConfigurationManager configuration, string environmentName)
    {
        var folder = AppContext.BaseDirectory;
        configuration.Sources.Insert(0, Json(Path.Combine(folder, "appsettings.json")));
        configuration.Sources.Insert(1, Json(Path.Combine(folder, $"appsettings.{environmentName}.json")));
        return configuration;
    }

    private static JsonConfigurationSource Json(string path)
    {
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        return source;
    }
}
