using CoopGraph.Graph.Access;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>API keys in the embedded database file, beside the graph.</summary>
public sealed class EmbeddedApiKeyStore(EmbeddedGraphStore graph, TimeProvider time) : IApiKeyStore
{
    private const string Columns = "name, prefix, scopes, trusted_only, created_at, revoked_at, authority_id";

    public async Task<string> CreateAsync(string name, ApiScopes scopes, bool trustedDocumentsOnly, string? authorityId, CancellationToken cancellationToken)
    {
        var key = ApiKeyMaterial.NewKey();
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO api_keys (name, prefix, hash, scopes, trusted_only, created_at, authority_id) " +
            "VALUES (@name, @prefix, @hash, @scopes, @trusted, @now, @authority)";
        command.Add("@name", name);
        command.Add("@prefix", ApiKeyMaterial.Prefix(key));
        command.Add("@hash", ApiKeyMaterial.Hash(key));
        command.Add("@scopes", scopes.ToString());
        command.Add("@trusted", trustedDocumentsOnly ? 1 : 0);
        command.Add("@authority", authorityId);
        command.Add("@now", SqlValues.Instant(time.GetUtcNow()));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new ArgumentException($"A key named '{name}' exists already.", nameof(name), e);
        }
        return key;
    }

    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = @now WHERE name = @name AND revoked_at IS NULL";
        command.Add("@name", name);
        command.Add("@now", SqlValues.Instant(time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + Columns + " FROM api_keys ORDER BY name";
        var keys = new List<ApiKeyInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }
        return keys;
    }

    public async Task<ApiKeyInfo?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + Columns + " FROM api_keys WHERE hash = @hash";
        command.Add("@hash", ApiKeyMaterial.Hash(key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static ApiKeyInfo Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Enum.Parse<ApiScopes>(r.GetString(2)), r.GetInt32(3) == 1,
        r.Instant(4), r.IsDBNull(5) ? null : r.Instant(5), r.Text(6));
}
