using System.Security.Claims;

namespace CoopGraph.Api.Authentication;

/// <summary>
/// The user an invitation token makes: no scope and no authority (its own reads are public only), and the survey and
/// service it answers for. Never the token itself.
/// </summary>
public static class SurveyInvitationClaims
{
    public const string Survey = "survey";
    public const string Service = "survey_service";
    public const string Name = "survey invitation";

    public static ClaimsPrincipal Principal(string surveyId, string serviceId, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, Name), new Claim(Survey, surveyId), new Claim(Service, serviceId)], scheme));

    /// <summary>The survey and service of a respondent, or null for any other caller.</summary>
    public static (string SurveyId, string ServiceId)? Invitation(this ClaimsPrincipal user) =>
        user.FindFirst(Survey)?.Value is { } survey && user.FindFirst(Service)?.Value is { } service ? (survey, service) : null;
}
