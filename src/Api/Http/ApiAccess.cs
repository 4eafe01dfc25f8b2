using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Graph.Access;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Http;

/// <summary>Configuration section <c>Api</c>: who may do what without a key.</summary>
public sealed class AccessOptions
{
    public const string Section = "Api";

    /// <summary>Queries without a key. True by default (open data); set false to require a read key.</summary>
    public bool AllowAnonymousRead { get; set; } = true;

    /// <summary>Mutations without a key. False by default; true only for a local instance.</summary>
    public bool AllowAnonymousWrite { get; set; }

    /// <summary>
    /// Refuse GET requests without a <c>GraphQL-Require-Preflight</c> header: a header a cross-site page cannot add
    /// without a CORS preflight, so that no other site can make a visitor's browser run even read-only queries.
    /// </summary>
    public bool RequirePreflightOnGet { get; set; }
}

/// <summary>The outcome of checking a request's key: allowed (with the key, if any), or refused with a status and a code.</summary>
public sealed record AccessDecision(ApiKeyInfo? Key, int Status, string? Code, string? Message)
{
    public bool Allowed => Code is null;
}

/// <summary>
/// Reads the key from <c>Authorization: Bearer</c> or <c>X-Api-Key</c> and decides whether the operation may run:
/// 401 UNAUTHENTICATED for a missing (when required), unknown or revoked key, 403 FORBIDDEN for a key without the scope.
/// </summary>
public sealed class ApiAccess(IApiKeyStore keys, IOptions<AccessOptions> options)
{
    public const string KeyItem = "CoopGraph.ApiKey";

    public async Task<AccessDecision> DecideAsync(HttpContext http, ApiScopes needed, CancellationToken cancellationToken)
    {
        var presented = PresentedKey(http.Request);
        if (presented is null)
        {
            var open = needed == ApiScopes.Read ? options.Value.AllowAnonymousRead : needed == ApiScopes.Write && options.Value.AllowAnonymousWrite;
            return open
                ? new AccessDecision(null, StatusCodes.Status200OK, null, null)
                : new AccessDecision(null, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, $"This operation needs an API key with the {needed.ToString().ToLowerInvariant()} scope.");
        }
        var key = await keys.FindAsync(presented, cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return new AccessDecision(null, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "The API key is unknown or revoked.");
        }
        http.Items[KeyItem] = key;
        return key.Allows(needed)
            ? new AccessDecision(key, StatusCodes.Status200OK, null, null)
            : new AccessDecision(key, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"The key '{key.Name}' has no {needed.ToString().ToLowerInvariant()} scope.");
    }

    /// <summary>The key a request presents, if any (not yet checked).</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        var header = request.Headers["X-Api-Key"].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }
}
