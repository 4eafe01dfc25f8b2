using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Api.Options;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.Surveys;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.GraphQL.Surveys;

/// <summary>The root fields of cooperation surveys: managers' (survey, surveys, createSurvey, closeSurvey) and respondents' (surveyForm, answerSurvey).</summary>
public static class SurveyRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<SurveyType>("survey")
            .Description("A survey by id, for its authority's keys and administrators; null otherwise.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The survey's id.")
            .ResolveAsync(async c => await c.Surveys().SurveyAsync(c.Viewer(), c.GetArgument<string>("id"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyType>>>>("surveys")
            .Description("An authority's surveys, the most recent first: for its keys and administrators (empty for anyone else).")
            .Argument<NonNullGraphType<IdGraphType>>("authorityId", "The authority's id.")
            .ResolveAsync(async c =>
            {
                var viewer = c.Viewer();
                var authorityId = c.GetArgument<string>("authorityId");
                return viewer.SeesAll || viewer.AuthorityId == authorityId
                    ? await c.RequestServices!.GetRequiredService<ISurveyStore>().ListAsync(authorityId, c.CancellationToken)
                    : [];
            });

        query.Field<SurveyFormType>("surveyForm")
            .Description("The form of the invitation whose token the request carries (Authorization: Bearer sv_…): its survey, service, colleagues and last answers. SURVEY_CLOSED once the survey is closed.")
            .ResolveAsync(async c =>
            {
                var survey = await OpenSurveyAsync(c);
                var (_, serviceId) = c.RequireInvitation();
                var form = await c.SurveyService().FormAsync(survey, serviceId, c.CancellationToken);
                return await ViewAsync(c, form);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateSurveyPayloadType>>("createSurvey")
            .Description("Opens a survey of an authority's services and issues one personal invitation link per service (shown only in this answer).")
            .Argument<NonNullGraphType<CreateSurveyInputType>>("input", "The survey.")
            .ResolveAsync(async c =>
            {
                var input = new InputReader(c.GetArgument<Dictionary<string, object?>>("input"));
                var request = new SurveyRequest(input.String("authorityId")!, input.String("title")!, input.Value<DateOnly>("closesOn"), input.Strings("serviceIds"));
                var outcome = await c.SurveyService().CreateAsync(c.Viewer(), request, c.CancellationToken);
                if (outcome.Value is not { } created)
                {
                    return new CreateSurveyResult(null, [], outcome.Errors);
                }
                var http = c.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext!;
                var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
                var options = c.RequestServices!.GetRequiredService<IOptions<SurveyOptions>>().Value;
                return new CreateSurveyResult(created.Survey,
                    created.Invitations.Select(i => new IssuedInvitationView(i.ServiceId, i.Token, options.InvitationUrl(origin, i.Token))).ToList(), []);
            });

        mutation.Field<NonNullGraphType<WritePayloadType>>("answerSurvey")
            .Description("Submits the answers of the invitation whose token the request carries: they replace the service's previous ones, and become the " +
                "authority's private COOPERATES_WITH links (confirmed when two services declare each other). Atomic: one refused answer and nothing is " +
                "written. May be repeated until the survey closes; then SURVEY_CLOSED.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<DeclaredPartnerInputType>>>>("input", "Every partner of the service, at most 500.")
            .ResolveAsync(async c =>
            {
                var survey = await OpenSurveyAsync(c);
                var (_, serviceId) = c.RequireInvitation();
                var errors = new List<UserError>();
                var answers = (c.GetArgument<List<object?>>("input") ?? []).Select((item, i) => ReadAnswer(new InputReader((IDictionary<string, object?>)item!), ["input", i], errors)).ToList();
                if (errors.Count > 0)
                {
                    return new WriteResult([], errors, await c.Store().GetVersionAsync(c.CancellationToken));
                }
                try
                {
                    return await c.SurveyService().AnswerAsync(survey, serviceId, answers, c.CancellationToken);
                }
                catch (SurveyClosedException e)
                {
                    throw new ExecutionError(e.Message) { Code = ErrorCodes.SurveyClosed };
                }
            });

        mutation.Field<SurveyType>("closeSurvey")
            .Description("Closes a survey: answers are refused from now on (SURVEY_CLOSED); results stay. Null when the key cannot see the survey.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The survey's id.")
            .ResolveAsync(async c => await c.SurveyService().CloseAsync(c.Viewer(), c.GetArgument<string>("id"), c.CancellationToken));
    }

    private static PartnerAnswer ReadAnswer(InputReader input, IReadOnlyList<object> path, List<UserError> errors)
    {
        NodeUpsert? created = null;
        if (input.Object("newPartner") is { } partner)
        {
            created = InputMappers.Actor(partner, [.. path, "newPartner"], errors);
        }
        return new PartnerAnswer(
            input.String("partnerId"), created, input.Enum<CooperationKind>("kind") ?? CooperationKind.Partnership, input.Value<int>("intensity") ?? 0,
            input.Value<DateOnly>("since"), input.Strings("themeIds") ?? [], path);
    }

    /// <summary>The respondent's survey while it takes answers; SURVEY_CLOSED after.</summary>
    private static async Task<Survey> OpenSurveyAsync(IResolveFieldContext c)
    {
        var (surveyId, _) = c.RequireInvitation();
        var survey = (await c.RequestServices!.GetRequiredService<ISurveyStore>().GetAsync([surveyId], c.CancellationToken)).FirstOrDefault()
            ?? throw new ExecutionError("This invitation's survey no longer exists.") { Code = ErrorCodes.Forbidden };
        if (!survey.IsOpenOn(c.SurveyService().Today))
        {
            throw new ExecutionError($"The survey '{survey.Title}' is closed: it takes no more answers.") { Code = ErrorCodes.SurveyClosed };
        }
        return survey;
    }

    /// <summary>The form's nodes, read as the survey's authority sees them (a respondent's own reads are public only).</summary>
    private static async Task<SurveyFormView> ViewAsync(IResolveFieldContext c, SurveyFormData form)
    {
        var ids = new[] { form.ServiceId }.Concat(form.ColleagueIds).Concat(form.Answers.Select(a => a.PartnerId)).Concat(form.Answers.SelectMany(a => a.ThemeIds))
            .Distinct(StringComparer.Ordinal).ToList();
        var nodes = (await (await c.ReaderAsync()).GetNodesAsync(Viewer.BoundTo(form.Survey.AuthorityId), ids, c.CancellationToken)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var service = nodes.GetValueOrDefault(form.ServiceId)
            ?? throw new ExecutionError("This invitation's service no longer exists.") { Code = ErrorCodes.Forbidden };
        var colleagues = form.ColleagueIds.Select(nodes.GetValueOrDefault).OfType<Node>().OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList();
        var answers = form.Answers.Where(a => nodes.ContainsKey(a.PartnerId))
            .Select(a => new DeclaredPartnerView(a, nodes[a.PartnerId], a.ThemeIds.Select(nodes.GetValueOrDefault).OfType<Node>().ToList())).ToList();
        return new SurveyFormView(form.Survey, service, colleagues, answers);
    }
}
