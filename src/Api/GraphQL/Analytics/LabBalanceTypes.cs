using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Analytics.Labs;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class LabBalanceType : ObjectGraphType<Projected<LabBalance>>
{
    public LabBalanceType()
    {
        Name = "LabBalance";
        Description = "A lab's two feet: inside (cooperation with its hosts' services) and outside (with every other actor).";
        Field<NonNullGraphType<InnovationLabType>>("lab").Description("The lab.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Lab]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorityType>>>>("hosts").Description("The authorities hosting it (HOSTED_BY).")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Hosts.Select(h => c.Source.Projection.Ids[h]).ToList()));
        Field<NonNullGraphType<IntGraphType>>("inside").Description("Its COOPERATES_WITH links with services PART_OF one of its hosts.").Resolve(c => c.Source.Value.Inside);
        Field<NonNullGraphType<IntGraphType>>("outside").Description("Its COOPERATES_WITH links with every other actor (SSE organisations, researchers, other authorities' services…).").Resolve(c => c.Source.Value.Outside);
        Field<FloatGraphType>("insideShare").Description("inside / (inside + outside); null without links. A balanced lab is near 0.5.").Resolve(c => c.Source.Value.InsideShare);
        Field<FloatGraphType>("imbalance").Description("|insideShare − 0.5|: 0 for a perfect balance, 0.5 for a lab with one foot only; null without links.").Resolve(c => c.Source.Value.Imbalance);
        Field<NonNullGraphType<BooleanGraphType>>("decisionAccess").Description("Whether one of its inside links reaches a decision-making service of a host (Service.decisionMaking).").Resolve(c => c.Source.Value.DecisionAccess);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("outsideKinds").Description("Its outside partners by kind, most numerous first.")
            .Resolve(c => c.Source.Value.OutsideKinds.Select(k => new KindCount(k.Kind, k.Count)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("insidePartners").Description("The hosts' services it cooperates with, by id.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.InsidePartners.Select(n => c.Source.Projection.Ids[n]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("outsidePartners").Description("The other actors it cooperates with, by id.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.OutsidePartners.Select(n => c.Source.Projection.Ids[n]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LabBalancePointType>>>>("trend")
            .Description("Inside and outside as of 31 December of each year, from its founding year (else the first year of its cooperation links) to asOf's year (else this year).")
            .Resolve(c => c.Source.Value.Trend);
    }
}

public sealed class LabBalancePointType : ObjectGraphType<LabBalancePoint>
{
    public LabBalancePointType()
    {
        Name = "LabBalancePoint";
        Description = "A lab's balance as of 31 December of a year.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("inside").Description("Inside links valid that day.").Resolve(c => c.Source.Inside);
        Field<NonNullGraphType<IntGraphType>>("outside").Description("Outside links valid that day.").Resolve(c => c.Source.Outside);
        Field<FloatGraphType>("insideShare").Description("inside / (inside + outside); null without links.").Resolve(c => c.Source.InsideShare);
    }
}
