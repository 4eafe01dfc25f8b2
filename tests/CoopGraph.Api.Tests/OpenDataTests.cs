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
/// Every file of ../shared/data and ../shared/relations through the opendata verb in one run, twice; then the
/// analytics over HTTP on the graph they make. The files are read where they lie, never copied into the project.
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
        string[] folders = [Path.Combine(SharedData.Folder(), "data"), Path.Combine(SharedData.Folder(), "relations")];
        (_exitCode, _firstReports, _firstErrors) = await RunVerbAsync(folders);
        _firstCounts = await CountAsync();
        (_, _secondReports, _) = await RunVerbAsync(folders);
        _secondCounts = await CountAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int Exit, string Output, string Errors)> RunVerbAsync(string[] folders)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await OpenDataCommand.RunAsync(["import", .. folders, "--Graph:Embedded:Path", Database], output, errors, CancellationToken.None);
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

    private static List<JsonNode> Lines(string reports) =>
        reports.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

    /// <summary>The reports of ../shared/data, one source each, by source.</summary>
    private Dictionary<string, JsonNode> Reports() =>
        Lines(_firstReports).Where(r => r["source"] is not null && !File(r).Contains("relations", StringComparison.Ordinal))
            .ToDictionary(r => r["source"]!.GetValue<string>(), r => r);

    /// <summary>The reports of ../shared/relations by file name, left-out files included.</summary>
    private Dictionary<string, JsonNode> RelationReports(string reports) =>
        Lines(reports).Where(r => File(r).Contains("relations", StringComparison.Ordinal)).ToDictionary(r => Path.GetFileName(File(r)), r => r);

    private static string File(JsonNode report) => report["file"]!.GetValue<string>();

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
    public void EveryRelationFile_IsImportedOrLeftOutWithItsReason_AndEveryRowIsAccountedFor()
    {
        var relations = Path.Combine(SharedData.Folder(), "relations");
        var files = Directory.EnumerateFiles(relations, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var reports = RelationReports(_firstReports);

        Assert.Equal(files.Select(Path.GetFileName).Order(StringComparer.Ordinal), reports.Keys.Order(StringComparer.Ordinal));
        var leftOut = reports.Values.Where(r => r["leftOut"] is not null).Select(r => Path.GetFileName(File(r))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, leftOut.Count);
        Assert.All(leftOut, f => Assert.Matches("schema|example|exemple", f));
        foreach (var report in reports.Values.Where(r => r["leftOut"] is null))
        {
            Assert.True(report["completed"]!.GetValue<bool>(), File(report));
            Assert.True(report["linksWritten"]!.GetValue<long>() + report["nodesWritten"]!.GetValue<long>() > 0, File(report));
        }
        // SOURCES.md: 18,148 grants of Loire-Atlantique, one of them a total without beneficiary.
        var loireAtlantique = reports["dep44_loire_atlantique_subventions_associations_2008_2018.csv"];
        // 18,147 grants, and the WORKS_ON links their beneficiaries' names give (the file has no purpose); every grant
        // is counted once as classified or not.
        var purposes = loireAtlantique["matches"]!.AsObject().Where(m => m.Key.StartsWith("purpose: ", StringComparison.Ordinal)).Sum(m => m.Value!.GetValue<long>());
        Assert.Equal((18_148L, 1L, 18_147L), (loireAtlantique["rowsRead"]!.GetValue<long>(), loireAtlantique["rowsRejected"]!.GetValue<long>(), purposes));
        Assert.InRange(loireAtlantique["linksWritten"]!.GetValue<long>() - 18_147L, 1L, 18_147L);
        // Vendée's unquoted decimal commas and mixed encodings are all repaired.
        Assert.All(reports.Where(r => r.Key.StartsWith("dep85_vendee", StringComparison.Ordinal)), r => Assert.Equal(0, r.Value["rowsRejected"]!.GetValue<long>()));
        Assert.Equal(24_811, reports["dotations_investissement_2019_projets.xlsx"]["rowsRead"]!.GetValue<long>());
        Assert.Equal("XLS, sheet 'Rapport 1'", reports["dep79_deux_sevres_conventions.xls"]["format"]!.GetValue<string>());
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
        // The second run finds every actor the first created: it joins to them instead (its matches say so), and
        // writes the same links again.
        Assert.Equal(
            Lines(_firstReports).Where(r => !File(r).Contains("relations", StringComparison.Ordinal)).Select(r => r.ToJsonString()),
            Lines(_secondReports).Where(r => !File(r).Contains("relations", StringComparison.Ordinal)).Select(r => r.ToJsonString()));
        Assert.Equal(
            RelationReports(_firstReports).ToDictionary(r => r.Key, r => (r.Value["linksWritten"]?.GetValue<long>(), r.Value["rowsRejected"]?.GetValue<long>())),
            RelationReports(_secondReports).ToDictionary(r => r.Key, r => (r.Value["linksWritten"]?.GetValue<long>(), r.Value["rowsRejected"]?.GetValue<long>())));
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
            Assert.NotEmpty(g["reasons"]!.AsArray());
        });
        // The official grants and contracts give pairs a common funder: real money now explains the top gaps.
        Assert.Contains(found["nodes"]!.AsArray(), g => g!["reasons"]!.AsArray().Any(r => r!["kind"]!.GetValue<string>() == "SHARED_FUNDER"));
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
