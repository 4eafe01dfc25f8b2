using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Policies;
using CoopGraph.Domain.Analytics.Competition;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class CompetitionHotspotType : ObjectGraphType<Projected<CompetitionHotspot>>
{
    public CompetitionHotspotType()
    {
        Name = "CompetitionHotspot";
        Description = "A call for projects whose applicants (APPLIED_TO, any year) rarely cooperate with each other.";
        Field<NonNullGraphType<PolicyType>>("policy").Description("The call for projects.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Policy]));
        Field<NonNullGraphType<IntGraphType>>("applicants").Description("Applicants in scope.").Resolve(c => c.Source.Value.Applicants.Length);
        Field<NonNullGraphType<IntGraphType>>("applicantPairs").Description("Pairs of applicants in scope.").Resolve(c => c.Source.Value.ApplicantPairs);
        Field<NonNullGraphType<IntGraphType>>("cooperatingPairs").Description("Applicant pairs linked by COOPERATES_WITH (valid at asOf).").Resolve(c => c.Source.Value.CooperatingPairs);
        Field<NonNullGraphType<FloatGraphType>>("cooperatingPairShare").Description("cooperatingPairs / applicantPairs.").Resolve(c => c.Source.Value.CooperatingPairShare);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("applicantActors").Description("The applicants in scope.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Applicants.Select(a => c.Source.Projection.Ids[a]).ToList()));
    }
}
