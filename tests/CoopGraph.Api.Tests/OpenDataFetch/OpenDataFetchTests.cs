using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CoopGraph.Api.Commands;
using CoopGraph.Graph.OpenData;
using CoopGraph.Graph.OpenData.Fetch;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Api.Tests.OpenDataFetch;

/// <summary>
/// <c>opendata fetch</c> against a local mirror of the publishers' sites: the data.gouv.fr API's answer and the files
/// are written here by hand, in the shapes the API and the portals publish; then the fetched file is imported.
/// </summary>
public sealed class OpenDataFetchTests : IDisposable
{
    private const string FranceServicesApi = "/www.data.gouv.fr/api/1/datasets/liste-des-structures-france-services/";

    private static readonly byte[] FranceServicesCsv = Encoding.UTF8.GetBytes(
        "id_fs,lib_fs,insee_com,type_fs,format_fs\n"
        + "fs-1,France services de Saint-Aubin,35001,Mairie,Fixe\n"
        + "fs-2,France services itinérante du Pays de Redon,35236,Association,Bus\n"
        + "fs-3,France services La Poste de Vitré,35360,La Poste,Fixe\n");

    private static readonly byte[] OlderFranceServicesCsv = Encoding.UTF8.GetBytes("id_fs,lib_fs,insee_com,type_fs,format_fs\nfs-1,Ancienne,35001,Mairie,Fixe\n");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coopgraph-fetch-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_connector_has_one_address_and_every_address_a_connector()
    {
        Assert.Equal(
            OpenDataSources.All.Select(s => s.Name).Order(StringComparer.Ordinal),
            OfficialAddresses.All.Select(a => a.Source).Order(StringComparer.Ordinal));
        var (exit, output, _) = await RunAsync("addresses");
        Assert.Equal(0, exit);
        Assert.Contains("decp", output, StringComparison.Ordinal);
        Assert.Contains("data.gouv.fr dataset donnees-essentielles-de-la-commande-publique-fichiers-consolides", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetches_the_newest_main_file_of_a_data_gouv_dataset_with_its_checksum_and_vintage_then_imports_it()
    {
        await using var mirror = await PublisherMirror.StartAsync(new Dictionary<string, MirroredFile>
        {
            [FranceServicesApi] = Json(Dataset(
                Resource("Liste des structures France services (juin)", "https://static.data.gouv.fr/resources/fs/20240601-liste-fs.csv", "2024-06-01T08:00:00+00:00", OlderFranceServicesCsv),
                Resource("Liste des structures France services", "https://static.data.gouv.fr/resources/fs/20240801-liste-fs.csv", "2024-08-01T09:30:00+00:00", FranceServicesCsv),
                Resource("Documentation des champs", "https://static.data.gouv.fr/resources/fs/champs.csv", "2024-09-01T00:00:00+00:00", [], type: "documentation"))),
            ["/static.data.gouv.fr/resources/fs/20240801-liste-fs.csv"] = new(FranceServicesCsv, "text/csv"),
            ["/static.data.gouv.fr/resources/fs/20240601-liste-fs.csv"] = new(OlderFranceServicesCsv, "text/csv"),
        });

        var (exit, output, errors) = await RunAsync("fetch", "--source", "france-services", "--out", _folder, "--mirror", mirror.Uri.ToString());

        Assert.True(exit == 0, errors);
        var file = Path.Combine(_folder, "20240801-liste-fs.csv");
        Assert.Equal(FranceServicesCsv, await File.ReadAllBytesAsync(file));
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(file + ".fetch.json"))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(FranceServicesCsv)), manifest["sha256"]!.GetValue<string>());
        Assert.Equal(FranceServicesCsv.Length, manifest["bytes"]!.GetValue<long>());
        Assert.Equal("2024-08-01", manifest["vintage"]!.GetValue<string>());
        Assert.Equal("sha1", manifest["publisherChecksum"]!["type"]!.GetValue<string>());
        Assert.True(manifest["publisherChecksum"]!["verified"]!.GetValue<bool>());
        Assert.True(manifest["readByConnector"]!.GetValue<bool>());
        Assert.Equal("https://static.data.gouv.fr/resources/fs/20240801-liste-fs.csv", manifest["url"]!.GetValue<string>());
        Assert.Equal(manifest["sha256"]!.GetValue<string>(), JsonNode.Parse(output)!["sha256"]!.GetValue<string>());
        Assert.Equal(["20240801-liste-fs.csv", "20240801-liste-fs.csv.fetch.json"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([FranceServicesApi, "/static.data.gouv.fr/resources/fs/20240801-liste-fs.csv"], mirror.Asked);

        // The folder of fetched files imports as it is: the file through its connector, the manifest left out and said.
        var (imported, reports, importErrors) = await RunAsync("import", _folder, "--Graph:Embedded:Path", Path.Combine(_folder, "graph.db"));
        Assert.True(imported == 0, importErrors);
        var lines = reports.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var report = Assert.Single(lines, l => l["source"]?.GetValue<string>() == "france-services");
        Assert.Equal(3, report["rowsRead"]!.GetValue<long>());
        Assert.Single(lines, l => l["leftOut"]?.GetValue<string>().Contains("manifest", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_file_that_does_not_match_the_publishers_checksum_is_refused_and_leaves_nothing()
    {
        await using var mirror = await PublisherMirror.StartAsync(new Dictionary<string, MirroredFile>
        {
            [FranceServicesApi] = Json(Dataset(
                Resource("Liste", "https://static.data.gouv.fr/resources/fs/liste-fs-2024.csv", "2024-08-01T09:30:00+00:00", OlderFranceServicesCsv))),
            ["/static.data.gouv.fr/resources/fs/liste-fs-2024.csv"] = new(FranceServicesCsv, "text/csv"),
        });

        var (exit, _, errors) = await RunAsync("fetch", "--source", "france-services", "--out", _folder, "--mirror", mirror.Uri.ToString());

        Assert.Equal(1, exit);
        Assert.Contains($"gives sha1 {Sha1(OlderFranceServicesCsv)}", errors, StringComparison.Ordinal);
        Assert.Contains("nothing was written", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_portal_export_is_saved_under_its_dataset_name_with_the_year_of_its_last_change()
    {
        var csv = Encoding.UTF8.GetBytes("uai;libelle;type_etablissement;code_commune;siren\n0350936C;Université de Rennes;Université;35238;193509361\n");
        const string Export = "/data.enseignementsup-recherche.gouv.fr/api/explore/v2.1/catalog/datasets/fr-esr-principaux-etablissements-enseignement-superieur/exports/csv";
        await using var mirror = await PublisherMirror.StartAsync(new Dictionary<string, MirroredFile>
        {
            [Export] = new(csv, "text/csv", LastModified: new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero)),
        });

        var (exit, output, errors) = await RunAsync("fetch", "--source", "esr-establishments", "--out", _folder, "--mirror", mirror.Uri.ToString());

        Assert.True(exit == 0, errors);
        var fetched = JsonNode.Parse(output)!;
        Assert.Equal("2025_fr-esr-principaux-etablissements-enseignement-superieur.csv", fetched["file"]!.GetValue<string>());
        Assert.Equal("2025-03-14", fetched["vintage"]!.GetValue<string>());
        Assert.Equal("the HTTP Last-Modified header", fetched["vintageFrom"]!.GetValue<string>());
        Assert.Null(fetched["publisherChecksum"]);
        Assert.True(fetched["readByConnector"]!.GetValue<bool>());
        Assert.Equal(Export + "?delimiter=%3B", Assert.Single(mirror.Asked));
    }

    [Fact]
    public async Task A_published_file_the_connector_reads_only_once_prepared_is_fetched_and_said()
    {
        var communes = Encoding.UTF8.GetBytes("TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\nCOM,01001,84,01,01D,012,5,ABERGEMENT CLEMENCIAT,Abergement-Clémenciat,L'Abergement-Clémenciat,0108,\n");
        await using var mirror = await PublisherMirror.StartAsync(new Dictionary<string, MirroredFile>
        {
            ["/www.data.gouv.fr/api/1/datasets/code-officiel-geographique-cog/"] = Json(Dataset(
                Resource("Liste des régions", "https://static.data.gouv.fr/resources/cog/v_region_2025.csv", "2025-02-20T00:00:00+00:00", []),
                Resource("Liste des communes", "https://static.data.gouv.fr/resources/cog/v_commune_2025.csv", "2025-02-20T00:00:00+00:00", communes))),
            ["/static.data.gouv.fr/resources/cog/v_commune_2025.csv"] = new(communes, "text/csv"),
        });

        var (exit, output, errors) = await RunAsync("fetch", "--source", "cog-communes", "--out", _folder, "--mirror", mirror.Uri.ToString());

        Assert.True(exit == 0, errors);
        Assert.False(JsonNode.Parse(output)!["readByConnector"]!.GetValue<bool>());
        Assert.Contains("does not read this file as published; it reads the communes of the COG joined with", errors, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "v_commune_2025.csv")));
    }

    [Fact]
    public async Task Another_authoritys_dataset_is_named_with_dataset()
    {
        var grants = Encoding.UTF8.GetBytes("nomAttribuant;idAttribuant;nomBeneficiaire;idBeneficiaire;objet;montant;dateConvention\nVille de Poitiers;21860194100019;Les amis du jardin;41234567800011;Jardin partagé;1500;2019-03-01\n");
        await using var mirror = await PublisherMirror.StartAsync(new Dictionary<string, MirroredFile>
        {
            ["/www.data.gouv.fr/api/1/datasets/subventions-ville-de-poitiers/"] = Json(Dataset(
                Resource("Subventions 2019", "https://static.data.gouv.fr/resources/poitiers/subventions-2019.csv", "2020-01-10T00:00:00+00:00", grants))),
            ["/static.data.gouv.fr/resources/poitiers/subventions-2019.csv"] = new(grants, "text/csv"),
        });

        var (exit, output, errors) = await RunAsync(
            "fetch", "--source", "scdl-subsidies", "--dataset", "subventions-ville-de-poitiers", "--out", _folder, "--mirror", mirror.Uri.ToString());

        Assert.True(exit == 0, errors);
        var fetched = JsonNode.Parse(output)!;
        Assert.Equal("https://www.data.gouv.fr/fr/datasets/subventions-ville-de-poitiers/", fetched["page"]!.GetValue<string>());
        Assert.True(fetched["readByConnector"]!.GetValue<bool>());
        Assert.DoesNotContain(mirror.Asked, a => a.Contains("loire-atlantique", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_cannot_be_fetched_is_said_with_the_way_to_get_it_and_nothing_is_written()
    {
        await using var mirror = await PublisherMirror.StartAsync(new Dictionary<string, MirroredFile>
        {
            [FranceServicesApi] = Json(Dataset(
                Resource("Liste", "https://static.data.gouv.fr/resources/fs/liste-fs-2024.csv", "2024-08-01T09:30:00+00:00", FranceServicesCsv))),
            ["/static.data.gouv.fr/resources/fs/liste-fs-2024.csv"] = new([], "text/plain", Status: 503),
        });
        var at = mirror.Uri.ToString();

        var unknown = await RunAsync("fetch", "--source", "nowhere", "--out", _folder);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("Unknown source 'nowhere'", unknown.Errors, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("fetch", "--source", "decp")).Exit);
        Assert.Equal(2, (await RunAsync("fetch", "--source", "decp", "--out", _folder, "--dataset", "x", "--url", "https://example.org/x.csv")).Exit);

        var byHand = await RunAsync("fetch", "--source", "ept", "--out", _folder, "--mirror", at);
        Assert.Equal(1, byHand.Exit);
        Assert.Contains("Download the file from https://www.insee.fr/", byHand.Errors, StringComparison.Ordinal);

        var moved = await RunAsync("fetch", "--source", "decp", "--out", _folder, "--mirror", at);
        Assert.Equal(1, moved.Exit);
        Assert.Contains("has no dataset 'donnees-essentielles-de-la-commande-publique-fichiers-consolides'", moved.Errors, StringComparison.Ordinal);
        Assert.Contains("--dataset SLUG", moved.Errors, StringComparison.Ordinal);

        var unavailable = await RunAsync("fetch", "--source", "france-services", "--out", _folder, "--mirror", at);
        Assert.Equal(1, unavailable.Exit);
        Assert.Contains("answered 503", unavailable.Errors, StringComparison.Ordinal);

        var unreachable = await RunAsync("fetch", "--source", "decp", "--out", _folder, "--url", $"http://127.0.0.1:{CoopGraph.Tests.Shared.ScriptedNeo4j.FreePort()}/decp.json");
        Assert.Equal(1, unreachable.Exit);
        Assert.Contains("could not be reached", unreachable.Errors, StringComparison.Ordinal);

        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFileSystemEntries(_folder).Any());
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await OpenDataCommand.RunAsync(args, output, errors, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        return (exit, output.ToString(), errors.ToString());
    }

    private static JsonObject Dataset(params JsonObject[] resources) =>
        new() { ["id"] = "5d13a8b6634f41070a43dff3", ["title"] = "Jeu de données", ["resources"] = new JsonArray(resources) };

    /// <summary>A resource as data.gouv.fr's API describes one, with the SHA-1 it computes of files it hosts.</summary>
    private static JsonObject Resource(string title, string url, string lastModified, byte[] body, string type = "main") => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["title"] = title,
        ["url"] = url,
        ["type"] = type,
        ["format"] = "csv",
        ["filesize"] = body.Length,
        ["last_modified"] = lastModified,
        ["checksum"] = new JsonObject { ["type"] = "sha1", ["value"] = Sha1(body) },
    };

    private static string Sha1(byte[] body) => Convert.ToHexStringLower(SHA1.HashData(body));

    private static MirroredFile Json(JsonNode body) => new(Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
}
