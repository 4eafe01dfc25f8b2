using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Surveys;

/// <summary>A link's survey provenance: its origin names the survey, whose declarations say who declared the pair.</summary>
public static class SurveyLinkFields
{
    public static async Task<Survey?> SurveyAsync(IResolveFieldContext<Link> c) =>
        SurveyOrigins.SurveyId(c.Source.Source) is { } id ? await c.Surveys().SurveyAsync(c.Viewer(), id, c.CancellationToken) : null;

    public static async Task<object?> DeclaredByAsync(IResolveFieldContext<Link> c) =>
        c.Loaders().Nodes(await DeclarersAsync(c) ?? [], NodeKind.Service);

    public static async Task<bool?> ConfirmedAsync(IResolveFieldContext<Link> c) =>
        await DeclarersAsync(c) is { } declarers ? declarers.Contains(c.Source.SourceId) && declarers.Contains(c.Source.TargetId) : null;

    /// <summary>The services that declared the link's pair in its survey; null when the link is not from a survey the caller sees.</summary>
    private static async Task<IReadOnlyList<string>?> DeclarersAsync(IResolveFieldContext<Link> c)
    {
        if (c.Source.Type != LinkType.CooperatesWith || await SurveyAsync(c) is not { } survey)
        {
            return null;
        }
        var pair = new ActorPair(c.Source.SourceId, c.Source.TargetId);
        return (await c.Surveys().DeclarationsAsync(survey.Id, c.CancellationToken))
            .Where(d => ActorPair.Of(d) == pair).Select(d => d.ServiceId).Order(StringComparer.Ordinal).ToList();
    }
}
