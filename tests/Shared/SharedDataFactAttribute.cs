namespace CoopGraph.Tests.Shared;

/// <summary>
/// A test that reads ../shared (public data or the reference tools): skipped, with that reason, where the folder is
/// not beside the checkout; under CI (the CI variable set) it runs anyway and fails, so that a missing folder never
/// passes a run silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsPresent() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{SharedData.Folder()} is absent: this test reads the public data and tools kept there (set COOPGRAPH_SHARED to another place).";
        }
    }
}
