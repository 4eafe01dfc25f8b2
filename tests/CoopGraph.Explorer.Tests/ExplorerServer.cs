using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using CoopGraph.Tests.Shared;
using Microsoft.Playwright;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// The real app on Kestrel (a browser needs a socket), on its own SQLite file seeded with the demo data, and one
/// browser for the test class; each test opens its own context. A derived server starts on other data.
/// </summary>
public class ExplorerServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-explorer-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    /// <summary>The app's services: the store and the keys, for tests that set up data a page must then show.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Where screenshots go: TestResults/explorer-screenshots at the repository's root (kept by CI as artefacts).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(SharedData.Checkout(), "TestResults", "explorer-screenshots");

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_folder, "graph.db");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Graph:Embedded:Path", path);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Graph:ProjectionMaxWaitMilliseconds", "60000");
            // Any free port: the app's own default (5080) may be taken by a running instance or another test class.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Graph:SeedDemo", SeedsDemo ? "true" : "false");
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
        Api = new HttpClient { BaseAddress = Address };
        await SeedAsync();
        (_playwright, Browser) = await Tests.Browser.LaunchAsync();
        // A loaded CI machine builds the network and GraphiQL's editor slower than a quiet laptop.
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Whether the store starts with the demo data.</summary>
    protected virtual bool SeedsDemo => true;

    /// <summary>Writes what a derived server's tests need, once the app runs.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        using var response = await Api.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(body["errors"]);
        return body["data"]!;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        Api?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
