namespace CoopGraph.Tests.Shared;

/// <summary>
/// ../shared beside the checkout (or COOPGRAPH_SHARED): where CI and developers keep the public data and tools. Data
/// from elsewhere is read where it lies, never copied into the project. Compiled into each test project that needs it.
/// </summary>
internal static class SharedData
{
    public static string Folder() =>
        Environment.GetEnvironmentVariable("COOPGRAPH_SHARED") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Checkout(), "..", "shared"));

    /// <summary>Whether the folder is there, with its data and tools.</summary>
    public static bool IsPresent() =>
        Directory.Exists(Path.Combine(Folder(), "data")) && Directory.Exists(Path.Combine(Folder(), "tools"));

    /// <summary>The checkout the tests were built from: the folder of CoopGraph.sln above the test binaries.</summary>
    public static string Checkout()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoopGraph.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("CoopGraph.sln not found above the test binaries; set COOPGRAPH_SHARED.");
    }
}
