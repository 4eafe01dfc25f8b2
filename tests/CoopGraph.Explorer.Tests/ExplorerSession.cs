using Microsoft.Playwright;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// One browser context on the explorer: records every request to another host and every console error (a CSP
/// violation shows there), so that each test can check the page stayed on its origin and ran cleanly.
/// </summary>
public sealed class ExplorerSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private ExplorerSession(IBrowserContext context, IPage page, Uri address)
    {
        _context = context;
        Page = page;
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != address.Authority)
            {
                _problems.Add($"request to another host: {request.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                var sent = response.Request.PostData is { } body ? body[..Math.Min(body.Length, 300)] : "";
                _problems.Add($"HTTP {response.Status} for {response.Request.Method} {response.Url} {sent}");
            }
        };
    }

    public IPage Page { get; }

    public static async Task<ExplorerSession> OpenAsync(ExplorerServer server, string path, Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            // A laptop screen, and an English browser: the explorer picks French for a French one.
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-GB",
            AcceptDownloads = true,
        };
        configure?.Invoke(options);
        var context = await server.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var session = new ExplorerSession(context, page, server.Address);
        await page.GotoAsync(path);
        return session;
    }

    /// <summary>
    /// Waits until the network has loaded (not busy) and draws links (gaps alone can arrive first); returns its node
    /// and link counts.
    /// </summary>
    public async Task<(int Nodes, int Edges, int Gaps)> WaitForNetworkAsync()
    {
        await Page.WaitForFunctionAsync(
            "() => { const n = document.querySelector('[data-testid=network]'); return n && n.getAttribute('aria-busy') === 'false' && Number(n.dataset.edges) > 0; }");
        return await NetworkCountsAsync();
    }

    public async Task<(int Nodes, int Edges, int Gaps)> NetworkCountsAsync()
    {
        var network = Page.GetByTestId("network");
        return (int.Parse(await network.GetAttributeAsync("data-nodes") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(await network.GetAttributeAsync("data-edges") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(await network.GetAttributeAsync("data-gap-edges") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Saves a screenshot as a test artefact and checks that nothing went to another host and no error was logged.</summary>
    public async Task FinishAsync(string name, params string[] expectedErrors)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ExplorerServer.ScreenshotFolder, name + ".png"), FullPage = true });
        var unexpected = _problems.Where(p => !expectedErrors.Any(e => p.Contains(e, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
