using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Surveys;

/// <summary>What a manager asks for when creating a survey.</summary>
/// <param name="ServiceIds">The services asked; null: every service of the authority.</param>
public sealed record SurveyRequest(string AuthorityId, string Title, DateOnly? ClosesOn, IReadOnlyList<string>? ServiceIds);

/// <summary>A created survey and its invitations' tokens: the only time the tokens are visible.</summary>
public sealed record CreatedSurvey(Survey Survey, IReadOnlyList<IssuedInvitation> Invitations);

public sealed record IssuedInvitation(string ServiceId, string Token);

/// <summary>The outcome of a survey operation: a value, or the errors that refused it (nothing written).</summary>
public sealed record SurveyOutcome<T>(T? Value, IReadOnlyList<UserError> Errors) where T : class
{
    public static SurveyOutcome<T> Refused(IReadOnlyList<UserError> errors) => new(null, errors);
}

/// <summary>One partner in a respondent's answers: an actor the form proposes, or a new one.</summary>
/// <param name="NewPartner">A new actor, private to the authority once written; exactly one of this and <paramref name="PartnerId"/>.</param>
/// <param name="Path">Where this answer's errors are reported.</param>
public sealed record PartnerAnswer(
    string? PartnerId, NodeUpsert? NewPartner, CooperationKind Kind, int Intensity, DateOnly? Since, IReadOnlyList<string> ThemeIds,
    IReadOnlyList<object> Path);

/// <summary>What a respondent's form shows: the survey, its service, the authority's other services, its last answers.</summary>
public sealed record SurveyFormData(Survey Survey, string ServiceId, IReadOnlyList<string> ColleagueIds, IReadOnlyList<Declaration> Answers);

/// <summary>Answering a survey that is closed (by hand or past its closing date).</summary>
public sealed class SurveyClosedException(string surveyId)
    : Exception($"The survey '{surveyId}' is closed: it takes no more answers.")
{
    public string SurveyId { get; } = surveyId;
}
