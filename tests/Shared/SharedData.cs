namespace CoopGraph.Tests.Shared;

/// <summary>
/// ../shared beside the checkout (or COOPGRAPH_SHARED): where CI and developers keep the public data and tools. Data
/// from elsewhere is read where it lies, never copied into the project. Compiled into each test project that needs it.
/// </summary>
internal static class SharedData
{
    public static string Folder()
    {
        if (Environment.GetEnvironmentVariable("COOPGRAPH_SHARED") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoopGraph.sln")))
            {
                return Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared"));
            }
        }
        throw new DirectoryNotFoundException("CoopGraph.sln not found above the test binaries; set COOPGRAPH_SHARED.");
    }
}
