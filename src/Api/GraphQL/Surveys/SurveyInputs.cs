using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Writes;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Surveys;

public sealed class CreateSurveyInputType : InputObjectGraphType
{
    public CreateSurveyInputType()
    {
        Name = "CreateSurveyInput";
        Description = "A survey to open for an authority (a key bound to it with the write scope, or an administrator's).";
        Field<NonNullGraphType<IdGraphType>>("authorityId").Description("The authority whose services are asked.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title, 1 to 200 characters, as respondents see it.");
        Field<DateType>("closesOn").Description("The last day answers are taken (today or later); none: until closeSurvey.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("serviceIds").Description("The services asked; none: every service of the authority.");
    }
}

public sealed class DeclaredPartnerInputType : InputObjectGraphType
{
    public DeclaredPartnerInputType()
    {
        Name = "DeclaredPartnerInput";
        Description = "One partner of the answering service: exactly one of partnerId and newPartner.";
        Field<IdGraphType>("partnerId").Description("An actor the form proposes: one of the authority's services, a public actor (see SurveyForm.candidates), or a partner this service added before.");
        Field<ActorInputType>("newPartner").Description("A partner the form does not know: an SSE actor, a university or a lab, with a new id. It becomes private to the authority.");
        Field<NonNullGraphType<CooperationKindType>>("kind").Description("The kind of cooperation.");
        Field<NonNullGraphType<IntGraphType>>("intensity").Description(IntensityWords.Description);
        Field<DateType>("since").Description("Since when (a day of the first year of the cooperation; the form sends the first of January).");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("The themes of the cooperation (see SurveyForm.themes).");
    }
}

public sealed record CreateSurveyResult(Domain.Surveys.Survey? Survey, IReadOnlyList<IssuedInvitationView> Invitations, IReadOnlyList<Domain.Validation.UserError> Errors);

public sealed class CreateSurveyPayloadType : ObjectGraphType<CreateSurveyResult>
{
    public CreateSurveyPayloadType()
    {
        Name = "CreateSurveyPayload";
        Description = "The survey created and its invitations (their tokens are shown only now), or the errors that refused it.";
        Field<SurveyType>("survey").Description("The survey; null when refused.").Resolve(c => c.Source.Survey);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyInvitationType>>>>("invitations")
            .Description("One per service asked, with its personal link: keep them now, only their hashes are kept.").Resolve(c => c.Source.Invitations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("Why it was refused; empty when created.").Resolve(c => c.Source.Errors);
    }
}
