using CoopGraph.Api.Authentication;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Surveys;
using CoopGraph.Graph.Surveys;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Surveys;

public static class SurveyContextExtensions
{
    public static SurveyLoaders Surveys(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<SurveyLoaders>();

    public static SurveyService SurveyService(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<SurveyService>();

    /// <summary>Refuses a survey's results to anyone but its authority's keys and administrators (a respondent reaches the survey through its form).</summary>
    public static void RequireManager(this IResolveFieldContext<Survey> context)
    {
        if (!CoopGraph.Graph.Surveys.SurveyService.CanSee(context.Viewer(), context.Source))
        {
            throw new ExecutionError("A survey's results are its authority's: a key bound to it or an administrator's.") { Code = ErrorCodes.Forbidden };
        }
    }

    public static async Task<SurveyFigures> ManagedFiguresAsync(this IResolveFieldContext<Survey> context)
    {
        context.RequireManager();
        return await context.Surveys().FiguresAsync(context.Source.Id, context.CancellationToken);
    }

    /// <summary>The authority's survey just before this one, for its managers; null otherwise.</summary>
    public static async Task<Survey?> PreviousSurveyAsync(this IResolveFieldContext<Survey> context, Survey survey)
    {
        if (!CoopGraph.Graph.Surveys.SurveyService.CanSee(context.Viewer(), survey))
        {
            return null;
        }
        return await context.SurveyService().PreviousAsync(survey, context.CancellationToken);
    }

    /// <summary>The invitation a respondent's token opened, or a FORBIDDEN error for any other caller.</summary>
    public static (string SurveyId, string ServiceId) RequireInvitation(this IResolveFieldContext context) =>
        context.User?.Invitation() ?? throw new ExecutionError("This field takes a survey invitation token (Authorization: Bearer sv_…).") { Code = ErrorCodes.Forbidden };
}
