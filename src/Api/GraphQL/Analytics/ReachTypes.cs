using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Reach;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class ReachType : ObjectGraphType<Projected<ReachReport>>
{
    public ReachType()
    {
        Name = "Reach";
        Description = "How far a policy (or a service's policies) has spread, and where it has been taken up.";
        Field<NonNullGraphType<IntGraphType>>("establishments")
            .Description("The responsible authorities' establishments (ESTABLISHMENT PART_OF them): of a policy, the authority that OWNS it or whose service does; of a service, its authority.")
            .Resolve(c => c.Source.Value.Establishments);
        Field<NonNullGraphType<IntGraphType>>("reached").Description("Actors joined to the policy (or to the service or one of its policies) by a link of the via types, either way.").Resolve(c => c.Source.Value.Reached.Count);
        Field<NonNullGraphType<IntGraphType>>("reachedEstablishments").Description("Reached actors among the responsible authorities' establishments.").Resolve(c => c.Source.Value.ReachedEstablishments);
        Field<FloatGraphType>("establishmentShare").Description("reachedEstablishments / establishments; null when the authorities have no establishment.").Resolve(c => c.Source.Value.EstablishmentShare);
        Field<NonNullGraphType<IntGraphType>>("engaged")
            .Description("Reached actors that took it up: they IMPLEMENT or APPLIED_TO the policy, are FUNDED by it, or COOPERATE_WITH one of its implementers.")
            .Resolve(c => c.Source.Value.Reached.Count(r => r.Engaged));
        Field<NonNullGraphType<IntGraphType>>("engagedWithSse").Description("Engaged actors that COOPERATE_WITH at least one SSE organisation.").Resolve(c => c.Source.Value.Reached.Count(r => r.EngagedWithSse));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AdoptionPointType>>>>("adoption")
            .Description("Engaged actors by year, cumulative: an actor counts from the year of its first engagement link (its since date, or a funding's year), from the first such year to the last.")
            .Resolve(c => c.Source.Value.Adoption);
        Field<NonNullGraphType<IntGraphType>>("undated").Description("Engaged actors whose engagement links carry no date, so not in adoption.").Resolve(c => c.Source.Value.Undated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachedActorType>>>>("establishmentList")
            .Description("Every one of the responsible authorities' establishments, reached or not, by id: where the policy has spread and where it has not.")
            .FirstArgument(100, AnalyticsRootFields.MaxNetworkNodes)
            .Resolve(c => c.Source.Value.EstablishmentList().Take(c.ReadFirst(100, AnalyticsRootFields.MaxNetworkNodes))
                .Select(p => new Projected<ReachedActor>(c.Source.Projection, p)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachedActorType>>>>("actors")
            .Description("The reached actors: the responsible authorities' establishments first, then the others, each by id.")
            .FirstArgument(100, AnalyticsRootFields.MaxNetworkNodes)
            .Resolve(c => c.Source.Value.Reached.Take(c.ReadFirst(100, AnalyticsRootFields.MaxNetworkNodes)).Select(r => new Projected<ReachedActor>(c.Source.Projection, r)));
    }
}

public sealed class AdoptionPointType : ObjectGraphType<(int Year, int Engaged)>
{
    public AdoptionPointType()
    {
        Name = "AdoptionPoint";
        Description = "Engaged actors by the end of a year.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("engaged").Description("Actors engaged in that year or before.").Resolve(c => c.Source.Engaged);
    }
}

public sealed class ReachedActorType : ObjectGraphType<Projected<ReachedActor>>
{
    public ReachedActorType()
    {
        Name = "ReachedActor";
        Description = "An actor a policy reaches.";
        Field<NonNullGraphType<ActorInterface>>("actor").Description("The actor.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Actor]));
        Field<NonNullGraphType<BooleanGraphType>>("reached").Description("Whether the policy reaches it (always true in Reach.actors).").Resolve(c => c.Source.Value.Reached);
        Field<NonNullGraphType<BooleanGraphType>>("establishment").Description("Whether it is one of the responsible authorities' establishments.").Resolve(c => c.Source.Value.Establishment);
        Field<NonNullGraphType<BooleanGraphType>>("engaged").Description("Whether it took the policy up (see Reach.engaged).").Resolve(c => c.Source.Value.Engaged);
        Field<NonNullGraphType<BooleanGraphType>>("engagedWithSse").Description("Engaged and cooperating with an SSE organisation.").Resolve(c => c.Source.Value.EngagedWithSse);
        Field<IntGraphType>("engagedIn").Description("The year of its first dated engagement link.").Resolve(c => c.Source.Value.EngagedIn);
    }
}
