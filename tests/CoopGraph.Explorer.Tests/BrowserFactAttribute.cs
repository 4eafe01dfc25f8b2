namespace CoopGraph.Explorer.Tests;

/// <summary>
/// A browser test: skipped, with the reason, where Debian's chromium is not installed, except under CI (the CI
/// variable set), where a missing browser must fail the run rather than pass it silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{Browser.ExecutablePath} is not installed (apt-get install chromium); .ci/run installs it and sets CI, where this test fails instead.";
        }
    }
}
