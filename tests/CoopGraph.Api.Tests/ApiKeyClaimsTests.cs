using CoopGraph.Api.Authentication;
using CoopGraph.Graph.Access;

namespace CoopGraph.Api.Tests;

/// <summary>A key becomes a user whose claims say what the key's scopes allow.</summary>
public sealed class ApiKeyClaimsTests
{
    private static ApiKeyInfo Key(ApiScopes scopes, bool trustedOnly = false) =>
        new("partner", "cg_abcdef", scopes, trustedOnly, DateTimeOffset.UnixEpoch, null);

    [Theory]
    [InlineData(ApiScopes.Read, ApiScopes.Read, true)]
    [InlineData(ApiScopes.Read, ApiScopes.Write, false)]
    [InlineData(ApiScopes.Read, ApiScopes.Admin, false)]
    [InlineData(ApiScopes.Write, ApiScopes.Read, true)]
    [InlineData(ApiScopes.Write, ApiScopes.Write, true)]
    [InlineData(ApiScopes.Write, ApiScopes.Admin, false)]
    [InlineData(ApiScopes.Admin, ApiScopes.Read, true)]
    [InlineData(ApiScopes.Admin, ApiScopes.Write, true)]
    [InlineData(ApiScopes.Admin, ApiScopes.Admin, true)]
    public void AScope_GrantsWhatTheKeyAllows(ApiScopes granted, ApiScopes needed, bool allowed)
    {
        var user = ApiKeyClaims.Principal(Key(granted), ApiKeyAuthenticationHandler.SchemeName);

        Assert.Equal(allowed, user.HasScope(needed));
        Assert.Equal(Key(granted).Allows(needed), user.HasScope(needed));
    }

    [Fact]
    public void TheUser_CarriesTheKeysName_AndItsRestriction_NeverTheKey()
    {
        var user = ApiKeyClaims.Principal(Key(ApiScopes.Read | ApiScopes.Write, trustedOnly: true), ApiKeyAuthenticationHandler.SchemeName);

        Assert.True(user.IsKeyHolder());
        Assert.Equal("partner", user.Identity!.Name);
        Assert.Equal(ApiScopes.Read | ApiScopes.Write, user.Scopes());
        Assert.True(user.RunsTrustedDocumentsOnly());
        Assert.DoesNotContain(user.Claims, c => c.Value.StartsWith("cg_", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAnonymousCaller_HasNoScope()
    {
        var anonymous = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());

        Assert.False(anonymous.IsKeyHolder());
        Assert.False(anonymous.HasScope(ApiScopes.Read));
        Assert.False(anonymous.RunsTrustedDocumentsOnly());
    }
}
