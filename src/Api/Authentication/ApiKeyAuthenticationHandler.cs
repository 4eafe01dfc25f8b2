using System.Text.Encodings.Web;
using CoopGraph.Graph.Access;
using CoopGraph.Graph.Surveys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Authentication;

/// <summary>
/// Turns the key a request presents (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>) into a user with the key's
/// name and scopes, or a survey invitation token into a respondent (<see cref="SurveyInvitationClaims"/>). No key is
/// no result (an anonymous caller); an unknown or revoked key, an unknown or replaced token, fails.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys, SurveyService surveys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }
        if (SurveyTokens.LooksLikeToken(presented))
        {
            return await surveys.OpenInvitationAsync(presented, Context.RequestAborted) is { } invitation
                ? AuthenticateResult.Success(new AuthenticationTicket(
                    SurveyInvitationClaims.Principal(invitation.Survey.Id, invitation.ServiceId, SchemeName), SchemeName))
                : AuthenticateResult.Fail("The survey invitation is unknown or was replaced by a new one.");
        }
        var key = await keys.FindAsync(presented, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(ApiKeyClaims.Principal(key, SchemeName), SchemeName));
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
