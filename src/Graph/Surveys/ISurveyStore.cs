using CoopGraph.Domain.Surveys;

namespace CoopGraph.Graph.Surveys;

/// <summary>
/// Where surveys, their invitations and their answers live: beside the graph, in the same store, so that the command
/// line and the server share them. Invitation tokens are kept as hashes only (<see cref="SurveyTokens"/>). The links
/// the answers make are written to the graph by <see cref="SurveyService"/>, not here.
/// </summary>
public interface ISurveyStore
{
    /// <summary>Records a survey and one invitation per service, each with its token's hash.</summary>
    Task CreateAsync(Survey survey, IReadOnlyList<(string ServiceId, string TokenHash)> invitations, CancellationToken cancellationToken);

    /// <summary>The surveys among <paramref name="ids"/> that exist, in no particular order.</summary>
    Task<IReadOnlyList<Survey>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>An authority's surveys, the most recent first (by opening day, then creation).</summary>
    Task<IReadOnlyList<Survey>> ListAsync(string authorityId, CancellationToken cancellationToken);

    /// <summary>The survey and the service an invitation token's hash belongs to, or null when no invitation has it.</summary>
    Task<(Survey Survey, string ServiceId)?> FindInvitationAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Replaces a service's token (the old one stops working); false when the service is not invited.</summary>
    Task<bool> ReissueAsync(string surveyId, string serviceId, string tokenHash, CancellationToken cancellationToken);

    /// <summary>Closes a survey by hand; false when it was closed already or does not exist.</summary>
    Task<bool> CloseAsync(string surveyId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<SurveyInvitation>> GetInvitationsAsync(string surveyId, CancellationToken cancellationToken);

    /// <summary>Every declaration of a survey, each service's last submission.</summary>
    Task<IReadOnlyList<Declaration>> GetDeclarationsAsync(string surveyId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces, atomically, a service's declarations and its answer time (null: not answered). A submission writes its
    /// answers with now; a submission whose links could not be written puts the previous ones back the same way, so that
    /// answers and links never disagree.
    /// </summary>
    Task ReplaceDeclarationsAsync(
        string surveyId, string serviceId, IReadOnlyList<Declaration> declarations, DateTimeOffset? answeredAt, CancellationToken cancellationToken);
}
