using CoopGraph.Api.GraphQL;
using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Analytics;
using CoopGraph.Api.GraphQL.BeneficiaryGroups;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Links;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Policies;
using CoopGraph.Api.GraphQL.Territories;
using CoopGraph.Api.GraphQL.Themes;
using CoopGraph.Api.GraphQL.Writes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Every graph type of the schema, listed by hand (no assembly scanning), grouped by topic.</summary>
public static class GraphTypeRegistrations
{
    public static IServiceCollection AddCoopGraphTypes(this IServiceCollection services)
    {
        Type[] types =
        [
            typeof(QueryType), typeof(MutationType),
            // Common
            typeof(ActorKindType), typeof(LinkTypeType), typeof(PolicyDomainType), typeof(AuthorityLevelType), typeof(LegalFormType), typeof(EstablishmentCategoryType),
            typeof(UniversityKindType), typeof(InstrumentType), typeof(CooperationKindType), typeof(ApplicationOutcomeType), typeof(TerritoryLevelType),
            typeof(PageInfoType), typeof(DateType),
            // Nodes
            typeof(NodeInterface), typeof(GraphStatsType),
            // Actors
            typeof(ActorInterface), typeof(AuthorityType), typeof(ServiceType), typeof(SseActorType), typeof(UniversityType), typeof(InnovationLabType),
            typeof(OrganisationType), typeof(EstablishmentType),
            typeof(ActorEdgeType), typeof(ActorConnectionType), typeof(ActorFilterType), typeof(ActorInputType),
            // Links
            typeof(LinkGraphType), typeof(LinkEdgeType), typeof(LinkConnectionType), typeof(LinkFilterType), typeof(LinkInputType),
            // Policies, themes, territories
            typeof(PolicyType), typeof(PolicyEdgeType), typeof(PolicyConnectionType), typeof(PolicyFilterType), typeof(PolicyInputType),
            typeof(ThemeType), typeof(BeneficiaryGroupType), typeof(BeneficiaryGroupInputType), typeof(InvolvementStageType), typeof(ThemeEdgeType), typeof(ThemeConnectionType), typeof(ThemeFilterType), typeof(ThemeInputType),
            typeof(TerritoryType), typeof(TerritoryEdgeType), typeof(TerritoryConnectionType), typeof(TerritoryFilterType), typeof(TerritoryInputType),
            // Surveys
            typeof(CoopGraph.Api.GraphQL.Surveys.SurveyType), typeof(CoopGraph.Api.GraphQL.Surveys.SurveyStatusType),
            typeof(CoopGraph.Api.GraphQL.Surveys.SurveyRespondentType), typeof(CoopGraph.Api.GraphQL.Surveys.SurveyPairType),
            typeof(CoopGraph.Api.GraphQL.Surveys.SurveyChangesType), typeof(CoopGraph.Api.GraphQL.Surveys.SurveyInvitationType),
            typeof(CoopGraph.Api.GraphQL.Surveys.SurveyFormType), typeof(CoopGraph.Api.GraphQL.Surveys.ColleagueGroupType), typeof(CoopGraph.Api.GraphQL.Surveys.DeclaredPartnerType),
            typeof(CoopGraph.Api.GraphQL.Surveys.CreateSurveyInputType), typeof(CoopGraph.Api.GraphQL.Surveys.DeclaredPartnerInputType),
            typeof(CoopGraph.Api.GraphQL.Surveys.CreateSurveyPayloadType),
            // Writes
            typeof(UserErrorType), typeof(WritePayloadType),
            // Analytics
            typeof(ScopeInputType), typeof(DomainPairCellType), typeof(BridgeScoreType), typeof(TransversalityPointType), typeof(TransversalityReportType),
            typeof(GapReasonKindType), typeof(GapReasonType), typeof(CooperationGapType), typeof(CooperationGapEdgeType), typeof(CooperationGapConnectionType),
            typeof(DomainGapType), typeof(CompetitionHotspotType), typeof(FundingGroupType), typeof(FundingSummaryType), typeof(FundingRowType), typeof(AuthorityRankType), typeof(PathGraphType), typeof(BrokerScoreType), typeof(CommunityType), typeof(CommunityReportType), typeof(ScopeNetworkType), typeof(TerritoryActorsType), typeof(DomainEiType), typeof(ReachType), typeof(LabBalanceType), typeof(LabBalancePointType), typeof(ParticipationType), typeof(StageCountType), typeof(ParticipationByDomainType), typeof(ParticipationByInstrumentType), typeof(InvolvementType), typeof(GroupCooperationType), typeof(InstrumentEffectType), typeof(InstrumentSummaryType), typeof(AdoptionPointType), typeof(ReachedActorType),
            typeof(NodeKindType), typeof(KindCountType), typeof(LinkTypeCountType),
            // Access
            typeof(CoopGraph.Api.GraphQL.Access.ViewerType),
            // Changes
            typeof(CoopGraph.Api.GraphQL.Changes.ChangeOpType), typeof(CoopGraph.Api.GraphQL.Changes.ChangeType),
            typeof(CoopGraph.Api.GraphQL.Changes.ChangeEdgeType), typeof(CoopGraph.Api.GraphQL.Changes.ChangeConnectionType),
            typeof(CoopGraph.Api.GraphQL.Changes.GraphChangedType), typeof(CoopGraph.Api.GraphQL.Changes.SubscriptionType),
        ];
        foreach (var type in types)
        {
            services.AddSingleton(type);
        }
        return services;
    }
}
