using CoopGraph.Graph.Access;
using CoopGraph.Graph.Neo4j.QueryApi;
using static CoopGraph.Graph.Neo4j.Neo4jGraphStore;

namespace CoopGraph.Graph.Neo4j;

/// <summary>API keys as :ApiKey nodes beside the graph (hashes only), so that the command line and the server share them.</summary>
public sealed class Neo4jApiKeyStore(Neo4jQueryClient client, TimeProvider time) : IApiKeyStore
{
    private static readonly CypherStatement Create = CypherStatement.Load("api-keys-create");
    private static readonly CypherStatement Revoke = CypherStatement.Load("api-keys-revoke");
    private static readonly CypherStatement List = CypherStatement.Load("api-keys-list");
    private static readonly CypherStatement Find = CypherStatement.Load("api-keys-find");

    public async Task<string> CreateAsync(string name, ApiScopes scopes, bool trustedDocumentsOnly, string? authorityId, CancellationToken cancellationToken)
    {
        var key = ApiKeyMaterial.NewKey();
        try
        {
            await client.RunAsync(Create, Params(
                ("name", name), ("prefix", ApiKeyMaterial.Prefix(key)), ("hash", ApiKeyMaterial.Hash(key)), ("scopes", scopes.ToString()),
                ("trustedOnly", trustedDocumentsOnly), ("now", PropertyMaps.Param(time.GetUtcNow())), ("authorityId", authorityId)),
                AccessMode.Write, cancellationToken);
        }
        catch (Neo4jException e) when (e.IsConstraintViolation)
        {
            throw new ArgumentException($"A key named '{name}' exists already.", nameof(name), e);
        }
        return key;
    }

    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Revoke, Params(("name", name), ("now", PropertyMaps.Param(time.GetUtcNow()))), AccessMode.Write, cancellationToken);
        return result.Scalar() is 1L;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(List, null, AccessMode.Read, cancellationToken);
        return result.Rows.Select(Read).ToList();
    }

    public async Task<ApiKeyInfo?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Find, Params(("hash", ApiKeyMaterial.Hash(key))), AccessMode.Read, cancellationToken);
        return result.Rows.Count == 0 ? null : Read(result.Rows[0]);
    }

    private static ApiKeyInfo Read(object?[] row) => new(
        (string)row[0]!, (string)row[1]!, Enum.Parse<ApiScopes>((string)row[2]!), row[3] is true, Instant(row[4])!.Value, Instant(row[5]),
        row[6] as string);

    private static DateTimeOffset? Instant(object? value) => value switch
    {
        DateTimeOffset d => d,
        ZonedDateTime z => z.Instant,
        _ => null,
    };
}
