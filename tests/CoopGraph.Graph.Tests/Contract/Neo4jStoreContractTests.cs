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
    private static readonly CypherStatement Clear = LoadClear();

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
        });
        services.AddNeo4jQueryClient();
        services.AddSingleton<Neo4jGraphStore>();
        services.AddSingleton<Neo4jApiKeyStore>();
        services.AddSingleton<Neo4jTrustedDocumentStore>();
        services.AddSingleton<Neo4jSurveyStore>();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<Neo4jQueryClient>().RunAsync(Clear, null, AccessMode.Write, CancellationToken.None);
        var store = provider.GetRequiredService<Neo4jGraphStore>();
        await store.InitializeAsync(CancellationToken.None);
        return new StoreUnderTest(
            store, store, provider.GetRequiredService<Neo4jApiKeyStore>(), provider.GetRequiredService<Neo4jTrustedDocumentStore>(),
            provider.GetRequiredService<Neo4jSurveyStore>(), provider.DisposeAsync);
    }

    private static CypherStatement LoadClear()
    {
        using var stream = typeof(Neo4jStoreContractTests).Assembly.GetManifestResourceStream("Cypher.clear-database")!;
        using var reader = new StreamReader(stream);
        return new CypherStatement("clear-database", reader.ReadToEnd().Trim());
    }
}
