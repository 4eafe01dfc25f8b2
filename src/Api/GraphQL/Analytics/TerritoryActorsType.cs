using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Territories;
using CoopGraph.Domain.Analytics.Scoping;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class TerritoryActorsType : ObjectGraphType<Projected<TerritoryActors>>
{
    public TerritoryActorsType()
    {
        Name = "TerritoryActors";
        Description = "A territory and how many actors the graph locates in it or below it.";
        Field<NonNullGraphType<TerritoryType>>("territory").Description("The territory.")
            .Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Territory]));
        Field<NonNullGraphType<IntGraphType>>("actors").Description("Actors located in it or in a territory below it.").Resolve(c => c.Source.Value.Actors);
    }
}
