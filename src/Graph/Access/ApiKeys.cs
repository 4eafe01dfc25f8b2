using System.Security.Cryptography;
using System.Text;

namespace CoopGraph.Graph.Access;

/// <summary>What a key lets its holder do. Write includes read; admin includes both.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    Read = 1,
    Write = 2,
    Admin = 4,
}

/// <summary>A key as stored and listed: never the key itself.</summary>
/// <param name="AuthorityId">The authority the key is bound to (it sees and writes that authority's private data), or null.</param>
public sealed record ApiKeyInfo(
    string Name, string Prefix, ApiScopes Scopes, bool TrustedDocumentsOnly, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? AuthorityId = null)
{
    public bool Allows(ApiScopes needed) => RevokedAt is null && ApiScopeRules.Grants(Scopes, needed);
}

/// <summary>What a set of scopes grants: write includes read; admin includes both.</summary>
public static class ApiScopeRules
{
    public static bool Grants(ApiScopes granted, ApiScopes needed) =>
        granted.HasFlag(ApiScopes.Admin)
        || (needed == ApiScopes.Read ? (granted & (ApiScopes.Read | ApiScopes.Write)) != 0 : needed != ApiScopes.None && granted.HasFlag(needed));
}

/// <summary>Key material: random, so a plain SHA-256 is enough to keep it (no one can guess it from the hash).</summary>
public static class ApiKeyMaterial
{
    public const string KeyPrefix = "cg_";

    public static string NewKey() => NewSecret(KeyPrefix);

    /// <summary>A random secret (32 bytes, URL-safe) after a prefix that says what it is: keys, survey invitations.</summary>
    public static string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The first characters, shown in listings so that a key can be recognised.</summary>
    public static string Prefix(string key) => key[..Math.Min(key.Length, KeyPrefix.Length + 6)];

    public static ApiScopes ParseScopes(string text)
    {
        var scopes = ApiScopes.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            scopes |= Enum.TryParse<ApiScopes>(part, ignoreCase: true, out var scope) && scope != ApiScopes.None
                ? scope
                : throw new ArgumentException($"Unknown scope '{part}': read, write or admin.", nameof(text));
        }
        return scopes == ApiScopes.None ? throw new ArgumentException("Give at least one scope.", nameof(text)) : scopes;
    }
}

/// <summary>Where keys live: with the graph, so that the command line and the server share them.</summary>
public interface IApiKeyStore
{
    /// <summary>Creates a key and returns it: the only time it is ever visible.</summary>
    /// <param name="authorityId">Binds the key to this authority (checked by the caller to be one), or null.</param>
    Task<string> CreateAsync(string name, ApiScopes scopes, bool trustedDocumentsOnly, string? authorityId, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The key's record when the key exists (revoked or not), else null.</summary>
    Task<ApiKeyInfo?> FindAsync(string key, CancellationToken cancellationToken);
}
