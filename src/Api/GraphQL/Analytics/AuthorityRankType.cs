using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Ranking;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class AuthorityRankType : ObjectGraphType<Projected<AuthorityRank>>
{
    public AuthorityRankType()
    {
        Name = "AuthorityRank";
        Description = "An authority and how much its services cooperate.";
        Field<NonNullGraphType<AuthorityType>>("authority").Description("The authority.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Authority]));
        Field<NonNullGraphType<IntGraphType>>("services").Description("Its services.").Resolve(c => c.Source.Value.Services);
        Field<NonNullGraphType<IntGraphType>>("serviceLinks").Description("Cooperation links with at least one end among its services, each counted once.")
            .Resolve(c => c.Source.Value.ServiceLinks);
    }
}
