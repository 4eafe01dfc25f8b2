using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Api.Commands;
using CoopGraph.Api.Http;
using CoopGraph.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Api.Tests;

/// <summary>
/// Every file of ../shared/data through the opendata verb in one run, twice; then the analytics over HTTP on the
/// graph they make. The files are read where they lie, never copied into the project.
/// </summary>
public sealed class OpenDataTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-api-tests", Guid.NewGuid().ToString("N"));
    private string _firstReports = "";
    private string _secondReports = "";
    private string _firstErrors = "";
    private (long Nodes, long Links) _firstCounts;
    private (long Nodes, long Links) _secondCounts;
    private int _exitCode;

    private string Database => Path.Combine(_folder, "graph.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(SharedData.Folder(), "data");
        (_exitCode, _firstReports, _firstErrors) = await RunVerbAsync(data);
        _firstCounts = await CountAsync();
        (_, _secondReports, _) = await RunVerbAsync(data);
        _secondCounts = await CountAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int Exit, string Output, string Errors)> RunVerbAsync(string data)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await OpenDataCommand.RunAsync(["import", data, "--Graph:Embedded:Path", Database], output, errors, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        return (exit, output.ToString(), errors.ToString());
    }

    private async Task<(long, long)> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM nodes), (SELECT COUNT(*) FROM links)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private Dictionary<string, JsonNode> Reports() =>
        _firstReports.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!)
            .ToDictionary(r => r["source"]!.GetValue<string>(), r => r);

    [SharedDataFact]
    public void EveryFile_ImportsInOneRun_WithItsReport()
    {
        var reports = Reports();
        var csvFiles = Directory.EnumerateFiles(Path.Combine(SharedData.Folder(), "data"), "*.csv", SearchOption.AllDirectories).Count();

        Assert.Equal(0, _exitCode);
        Assert.Equal(csvFiles, reports.Count);
        Assert.All(reports.Values, r => Assert.True(r["completed"]!.GetValue<bool>()));
        Assert.Equal(34_875, reports["cog-communes"]!["rowsRead"]!.GetValue<long>());
        Assert.Equal(69_750, reports["cog-communes"]!["nodesWritten"]!.GetValue<long>());
        // SOURCES.md: 179 of 250 establishments match a commune by code; arrondissement codes add Paris, Lyon and Marseille ones.
        Assert.Equal(179, reports["esr-establishments"]!["matches"]!["located by commune code"]!.GetValue<long>());
        Assert.True(reports["esr-establishments"]!["matches"]!["located from an arrondissement code"]!.GetValue<long>() > 0);
        Assert.True(reports["siae"]!["matches"]!["located by postcode and name"]!.GetValue<long>() > 2_000);
        Assert.Equal(1_606, reports["pvd"]!["matches"]!["commune in the geography"]!.GetValue<long>());
        Assert.Contains("Vintages differ", _firstErrors, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void TheProgressLine_AndTheFinalLine_CountTheSameRejectedRows()
    {
        // Each file's terminal output: progress segments after '\r', then its final line ending with a period.
        var finals = _firstErrors.Split('\n').Select(l => l.Split('\r')).Where(parts => parts[^1].EndsWith("links not joined.", StringComparison.Ordinal)).ToList();
        var counts = new System.Text.RegularExpressions.Regex(@"([\d,]+) rows rejected, ([\d,]+) links not joined");

        Assert.NotEmpty(finals);
        foreach (var parts in finals)
        {
            var final = counts.Match(parts[^1]);
            var lastProgress = parts.Take(parts.Length - 1).LastOrDefault(p => counts.IsMatch(p));
            Assert.True(lastProgress is not null, $"no progress before {parts[^1]}");
            Assert.Equal(final.Value, counts.Match(lastProgress!).Value);
        }
        Assert.Contains(finals, parts => counts.Match(parts[^1]).Groups[2].Value != "0");
    }

    [SharedDataFact]
    public void ImportingTwice_ChangesNothing()
    {
        Assert.Equal(_firstCounts, _secondCounts);
        Assert.True(_firstCounts.Nodes > 80_000, $"{_firstCounts.Nodes} nodes");
        Assert.Equal(_firstReports, _secondReports);
    }

    [SharedDataFact]
    public async Task TheGraph_AnswersTheAnalytics_ForARealDepartementAndRegion()
    {
        await using var factory = new OpenDataFactory(Database);
        var client = factory.CreateClient();

        var transversality = await client.PostAsync("""{ transversality(authorityId: "insee:authority:D69") { authority { id name } serviceLinks linkShare } }""");
        var gaps = await client.PostAsync("""
            { cooperationGaps(scope: { territoryCode: "R84", kinds: [UNIVERSITY, SSE_ACTOR] }, first: 20) {
                totalCount nodes { source { id } target { id } score reasons { kind detail } } } }
            """);
        var located = await client.PostAsync("""{ actors(filter: { territoryCode: "D69", kinds: [SSE_ACTOR] }, first: 1) { totalCount } }""");

        Assert.Null(transversality["errors"]);
        Assert.Equal("Département du Rhône", transversality["data"]!["transversality"]!["authority"]!["name"]!.GetValue<string>());
        Assert.Null(gaps["errors"]);
        var found = gaps["data"]!["cooperationGaps"]!;
        Assert.True(found["totalCount"]!.GetValue<int>() > 100, found.ToJsonString());
        Assert.All(found["nodes"]!.AsArray(), g =>
        {
            // Establishments, labs and SSE organisations only, as the scope asked, each gap with its reasons.
            Assert.All(new[] { g!["source"]!, g["target"]! }, end => Assert.Matches("^(uai|dataesr|rnsr|siren|tiers-lieu):", end["id"]!.GetValue<string>()));
            Assert.Contains(g["reasons"]!.AsArray(), r => r!["kind"]!.GetValue<string>() == "COMMON_PARTNER");
        });
        Assert.True(located["data"]!["actors"]!["totalCount"]!.GetValue<int>() > 30, located.ToJsonString());
    }

    [SharedDataFact]
    public async Task TheImportEndpoint_TakesAnOpenDataFile_AndRefusesOneWithoutItsColumns()
    {
        await using var factory = new OpenDataFactory(Path.Combine(_folder, "endpoint.db"));
        var client = factory.CreateClient();
        using var regions = new StringContent("REG;LIBELLE\n84;Auvergne-Rhône-Alpes\n", Encoding.UTF8, InterchangeEndpoints.CsvMediaType);
        using var wrong = new StringContent("code,name\n84,ARA\n", Encoding.UTF8, InterchangeEndpoints.CsvMediaType);

        using var imported = await client.PostAsync("/api/import?source=cog-regions", regions);
        using var refused = await client.PostAsync("/api/import?source=cog-regions", wrong);
        var region = await client.PostAsync("""{ node(id: "insee:authority:R84") { ... on Authority { name level } } }""");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, JsonNode.Parse(await imported.Content.ReadAsStringAsync())!["nodesWritten"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("REG, LIBELLE", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Région Auvergne-Rhône-Alpes", region["data"]!["node"]!["name"]!.GetValue<string>());
    }

    private sealed class OpenDataFactory(string database) : IsolatedAppFactory
    {
        // The database the verb filled, which the test removes itself.
        public override string DatabasePath => database;

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Api:AllowAnonymousWrite", "true");
        }
    }
}
