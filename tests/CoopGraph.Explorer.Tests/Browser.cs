using Microsoft.Playwright;

namespace CoopGraph.Explorer.Tests;

/// <summary>Debian's chromium, headless, started by Playwright: Playwright's own browser download is not reachable here.</summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags chromium keeps calling Google's hosts, which this machine refuses.
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (apt-get install chromium).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
        return (playwright, browser);
    }
}
