using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Surveys;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Surveys;

/// <summary>The caller's view of the projection counting, among cooperation links, only those a survey declared.</summary>
public static class SurveyProjection
{
    public static async Task<GraphProjection> RestrictAsync(IResolveFieldContext c, GraphProjection projection, string surveyId, string authorityId, bool confirmedOnly)
    {
        var survey = await c.Surveys().SurveyAsync(c.Viewer(), surveyId, c.CancellationToken);
        if (survey is null || survey.AuthorityId != authorityId)
        {
            throw BadInput.Error($"No survey of '{authorityId}' has id '{surveyId}'.");
        }
        var links = new HashSet<int>();
        foreach (var (pair, declarations) in SurveyLinks.ByPair(await c.Surveys().DeclarationsAsync(survey.Id, c.CancellationToken)))
        {
            if ((!confirmedOnly || SurveyLinks.IsConfirmed(pair, declarations))
                && projection.Find(pair.First) is { } a && projection.Find(pair.Second) is { } b && projection.CooperationLink(a, b) is { } link)
            {
                links.Add(link);
            }
        }
        return projection.WithCooperationOnly(links);
    }
}
