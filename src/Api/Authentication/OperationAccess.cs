using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.Options;
using CoopGraph.Graph.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Authentication;

/// <summary>A refusal: the status and the error code the caller is answered with.</summary>
public sealed record AccessRefusal(int Status, string Code, string Message);

/// <summary>
/// Whether the caller of a request may run an operation that needs a scope: 401 UNAUTHENTICATED for a missing (when
/// required), unknown or revoked key, 403 FORBIDDEN for a key without the scope. A key holder needs the scope; an
/// anonymous caller may read, or write, where the configuration opens it to them (<see cref="AccessOptions"/>).
/// </summary>
/// Decided here rather than through ASP.NET Core's authorization policies: every GraphQL request asks, and the policy
/// machinery cost more than the rest of the access check (about 3 % of a small read's CPU, measured).
public sealed class OperationAccess(IOptionsMonitor<AccessOptions> options)
{
    /// <returns>Null when allowed.</returns>
    public async Task<AccessRefusal?> CheckAsync(HttpContext http, ApiScopes needed)
    {
        // Only a key or token that was presented and not accepted fails; the handler keeps its result for the request,
        // so this asks the middleware's answer again, it does not look the key up twice.
        if (!http.User.IsKeyHolder() && ApiKeyAuthenticationHandler.PresentedKey(http.Request) is not null
            && (await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure is { } failure)
        {
            return new AccessRefusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, failure.Message);
        }
        if (Allows(http.User, needed))
        {
            return null;
        }
        var scope = needed.ToString().ToLowerInvariant();
        return http.User.IsKeyHolder()
            ? new AccessRefusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"The key '{http.User.Identity!.Name}' has no {scope} scope.")
            : new AccessRefusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, $"This operation needs an API key with the {scope} scope.");
    }

    private bool Allows(System.Security.Claims.ClaimsPrincipal user, ApiScopes needed)
    {
        if (user.IsKeyHolder())
        {
            return user.HasScope(needed);
        }
        var open = options.CurrentValue;
        return needed switch
        {
            ApiScopes.Read => open.AllowAnonymousRead,
            ApiScopes.Write => open.AllowAnonymousWrite,
            _ => false,
        };
    }
}
