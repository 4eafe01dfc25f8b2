using System.Security.Claims;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Access;

namespace CoopGraph.Api.Authentication;

/// <summary>The claims a key's holder carries, and what they allow.</summary>
public static class ApiKeyClaims
{
    public const string Scope = "scope";
    public const string TrustedDocumentsOnly = "trusted_documents_only";

    /// <summary>The authority a key is bound to: its holder sees and writes that authority's private data.</summary>
    public const string Authority = "authority";

    public static ClaimsPrincipal Principal(ApiKeyInfo key, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
        foreach (var scope in Enum.GetValues<ApiScopes>().Where(s => s != ApiScopes.None && key.Scopes.HasFlag(s)))
        {
            claims.Add(new Claim(Scope, scope.ToString().ToLowerInvariant()));
        }
        if (key.AuthorityId is { } authority)
        {
            claims.Add(new Claim(Authority, authority));
        }
        if (key.TrustedDocumentsOnly)
        {
            claims.Add(new Claim(TrustedDocumentsOnly, "true"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The scopes of an authenticated caller; none for an anonymous one.</summary>
    public static ApiScopes Scopes(this ClaimsPrincipal user)
    {
        var scopes = ApiScopes.None;
        foreach (var claim in user.FindAll(Scope))
        {
            scopes |= Enum.Parse<ApiScopes>(claim.Value, ignoreCase: true);
        }
        return scopes;
    }

    /// <summary>Whether the caller's key grants <paramref name="needed"/> (see <see cref="ApiScopeRules"/>).</summary>
    public static bool HasScope(this ClaimsPrincipal user, ApiScopes needed) => ApiScopeRules.Grants(user.Scopes(), needed);

    /// <summary>
    /// What the caller sees: everything with the admin scope; public data and its authority's private data with a key
    /// bound to one; public data only otherwise (anonymous readers, keys bound to no authority).
    /// </summary>
    public static Viewer AsViewer(this ClaimsPrincipal user) =>
        user.Scopes().HasFlag(ApiScopes.Admin) ? Viewer.Everything
        : user.FindFirst(Authority)?.Value is { } authority ? Viewer.BoundTo(authority)
        : Viewer.Public;

    public static bool IsKeyHolder(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool RunsTrustedDocumentsOnly(this ClaimsPrincipal user) => user.HasClaim(TrustedDocumentsOnly, "true");
}
