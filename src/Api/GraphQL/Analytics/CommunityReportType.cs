using CoopGraph.Domain.Analytics.Communities;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class CommunityReportType : ObjectGraphType<Projected<CommunityReport>>
{
    public CommunityReportType()
    {
        Name = "CommunityReport";
        Description = "The communities of the scope's cooperation graph, and how far they follow the silos.";
        Field<NonNullGraphType<FloatGraphType>>("modularity").Description("Newman modularity of these communities on the scope's cooperation graph.").Resolve(c => c.Source.Value.Modularity);
        Field<NonNullGraphType<FloatGraphType>>("siloAlignment")
            .Description("Normalised mutual information (2·I/(H₁+H₂)) between communities and primary domains (a service's domain; for other actors the domain of most of their themes; actors without one are left out). 1: communities are exactly the silos; 0: unrelated.")
            .Resolve(c => c.Source.Value.SiloAlignment);
        Field<NonNullGraphType<IntGraphType>>("actors").Description("Actors in scope.").Resolve(c => c.Source.Value.Actors);
        Field<NonNullGraphType<IntGraphType>>("links").Description("Cooperation links among them.").Resolve(c => c.Source.Value.Links);
        Field<NonNullGraphType<IntGraphType>>("communityCount").Description("Communities found.").Resolve(c => c.Source.Value.Communities.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommunityType>>>>("communities")
            .Description("Largest first, then by id.")
            .FirstArgument(Paging.Paging.MaxFirst, Paging.Paging.MaxFirst)
            .Argument<IntGraphType>("minSize", a => { a.Description = "Leave out smaller communities (isolated actors form communities of one)."; a.DefaultValue = 1; })
            .Resolve(c => c.Source.Value.Communities
                .Where(x => x.Members.Length >= (c.GetArgument<int?>("minSize") ?? 1))
                .Take(c.ReadFirst(Paging.Paging.MaxFirst, Paging.Paging.MaxFirst))
                .Select(x => new Projected<Community>(c.Source.Projection, x)));
    }
}
