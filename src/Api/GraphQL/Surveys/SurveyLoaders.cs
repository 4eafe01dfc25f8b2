using System.Collections.Concurrent;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Graph.Surveys;

namespace CoopGraph.Api.GraphQL.Surveys;

/// <summary>
/// The surveys one GraphQL request reads, each fetched once (registered scoped): a page of links from one survey asks
/// for its declarations once. A survey the caller may not see is, here, not there.
/// </summary>
public sealed class SurveyLoaders(ISurveyStore store)
{
    private readonly ConcurrentDictionary<string, Task<Survey?>> _surveys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<SurveyInvitation>>> _invitations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<Declaration>>> _declarations = new(StringComparer.Ordinal);

    public async Task<Survey?> SurveyAsync(Viewer viewer, string id, CancellationToken cancellationToken)
    {
        var survey = await _surveys.GetOrAdd(id, key => FetchAsync(key, cancellationToken));
        return survey is not null && SurveyService.CanSee(viewer, survey) ? survey : null;
    }

    public Task<IReadOnlyList<SurveyInvitation>> InvitationsAsync(string surveyId, CancellationToken cancellationToken) =>
        _invitations.GetOrAdd(surveyId, key => store.GetInvitationsAsync(key, cancellationToken));

    public Task<IReadOnlyList<Declaration>> DeclarationsAsync(string surveyId, CancellationToken cancellationToken) =>
        _declarations.GetOrAdd(surveyId, key => store.GetDeclarationsAsync(key, cancellationToken));

    public async Task<SurveyFigures> FiguresAsync(string surveyId, CancellationToken cancellationToken) =>
        SurveyFigures.Of(await InvitationsAsync(surveyId, cancellationToken), await DeclarationsAsync(surveyId, cancellationToken));

    private async Task<Survey?> FetchAsync(string id, CancellationToken cancellationToken) =>
        (await store.GetAsync([id], cancellationToken)).FirstOrDefault();
}

/// <summary>A result the engine awaits once the level's batch loads have been queued (a survey is not a graph node).</summary>
public sealed class Deferred(Func<CancellationToken, Task<object?>> fetch) : global::GraphQL.DataLoader.IDataLoaderResult
{
    public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => fetch(cancellationToken);
}
