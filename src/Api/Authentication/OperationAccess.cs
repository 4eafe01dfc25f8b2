using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Graph.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CoopGraph.Api.Authentication;

/// <summary>A refusal: the status and the error code the caller is answered with.</summary>
public sealed record AccessRefusal(int Status, string Code, string Message);

/// <summary>
/// Whether the caller of a request may run an operation that needs a scope, by the scope's policy: 401
/// UNAUTHENTICATED for a missing (when required), unknown or revoked key, 403 FORBIDDEN for a key without the scope.
/// </summary>
public sealed class OperationAccess(IAuthorizationService authorization)
{
    /// <returns>Null when allowed.</returns>
    public async Task<AccessRefusal?> CheckAsync(HttpContext http, ApiScopes needed)
    {
        // The handler keeps its result for the request: this asks the middleware's answer again, it does not look the key up twice.
        if ((await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure is { } failure)
        {
            return new AccessRefusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, failure.Message);
        }
        var scope = needed.ToString().ToLowerInvariant();
        if ((await authorization.AuthorizeAsync(http.User, ScopePolicies.For(needed))).Succeeded)
        {
            return null;
        }
        return http.User.IsKeyHolder()
            ? new AccessRefusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"The key '{http.User.Identity!.Name}' has no {scope} scope.")
            : new AccessRefusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, $"This operation needs an API key with the {scope} scope.");
    }
}
