using CoopGraph.Graph.Neo4j;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Graph.Options;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>
/// The store contract on Neo4j, when NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) names a server: for instance the
/// one of docker-compose.yml, <c>NEO4J_URI=http://localhost:7474</c>. The database is emptied before each test.
/// </summary>
[RequiresEnvironment("NEO4J_URI", "NEO4J_URI is not set: no Neo4j server to test against (set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, e.g. with docker compose up neo4j).")]
public sealed class Neo4jStoreContractTests : StoreContract
{
    private static readonly IReadOnlyList<CypherStatement> Clear = LoadClear();

    protected override Task<StoreUnderTest> OpenEmptyAsync() => OpenAsync();

    /// <summary>A Neo4j store on the emptied database of NEO4J_URI, with its access, document and survey stores.</summary>
    internal static async Task<StoreUnderTest> OpenAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Neo4jOptions>().Configure(o =>
        {
            o.Uri = new Uri(Environment.GetEnvironmentVariable("NEO4J_URI")!);
            o.User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j";
            o.Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD");
            o.PageSize = 100;  // small pages, so that the export and batch paging run on the demo graph
            o.ExportPageSize = 100;
        });
        services.AddNeo4jQueryClient();
        services.AddSingleton<Neo4jGraphStore>();
        services.AddSingleton<Neo4jApiKeyStore>();
        services.AddSingleton<Neo4jTrustedDocumentStore>();
        services.AddSingleton<Neo4jSurveyStore>();
        var provider = services.BuildServiceProvider();
        foreach (var statement in Clear)
        {
            await provider.GetRequiredService<Neo4jQueryClient>().RunAsync(statement, null, AccessMode.Write, CancellationToken.None);
        }
        var store = provider.GetRequiredService<Neo4jGraphStore>();
        await store.InitializeAsync(CancellationToken.None);
        return new StoreUnderTest(
            store, store, provider.GetRequiredService<Neo4jApiKeyStore>(), provider.GetRequiredService<Neo4jTrustedDocumentStore>(),
            provider.GetRequiredService<Neo4jSurveyStore>(), provider.DisposeAsync);
    }

    /// <summary>The statements of clear-database.cypher, each run on its own (IN TRANSACTIONS needs an auto-commit request).</summary>
    private static IReadOnlyList<CypherStatement> LoadClear()
    {
        using var stream = typeof(Neo4jStoreContractTests).Assembly.GetManifestResourceStream("Cypher.clear-database")!;
        using var reader = new StreamReader(stream);
        var code = reader.ReadToEnd().Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal));
        return string.Join('\n', code).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((text, i) => new CypherStatement($"clear-database#{i + 1}", text))
            .ToList();
    }
}
