using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Policies;
using CoopGraph.Domain.Analytics.Competition;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class GroupCooperationType : ObjectGraphType<Projected<GroupCooperation>>
{
    public GroupCooperationType()
    {
        Name = "GroupCooperation";
        Description = "Cooperation among a group of actors before a policy starts and from its start.";
        Field<NonNullGraphType<IntGraphType>>("size").Description("Actors in the group.").Resolve(c => c.Source.Value.Actors.Length);
        Field<NonNullGraphType<IntGraphType>>("pairs").Description("Pairs of actors in the group.").Resolve(c => c.Source.Value.Pairs);
        Field<NonNullGraphType<IntGraphType>>("cooperatingBefore").Description("Pairs joined by a COOPERATES_WITH link valid on a day of the years before the start.").Resolve(c => c.Source.Value.CooperatingBefore);
        Field<NonNullGraphType<IntGraphType>>("cooperatingAfter").Description("Pairs joined by a COOPERATES_WITH link valid on a day of the years from the start.").Resolve(c => c.Source.Value.CooperatingAfter);
        Field<FloatGraphType>("shareBefore").Description("cooperatingBefore / pairs; null without pairs.").Resolve(c => c.Source.Value.ShareBefore);
        Field<FloatGraphType>("shareAfter").Description("cooperatingAfter / pairs; null without pairs.").Resolve(c => c.Source.Value.ShareAfter);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("actors")
            .Description("The actors of the group, by id.")
            .FirstArgument(100, AnalyticsRootFields.MaxNetworkNodes)
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Actors.Take(c.ReadFirst(100, AnalyticsRootFields.MaxNetworkNodes)).Select(a => c.Source.Projection.Ids[a]).ToList()));
    }
}

public sealed class InstrumentEffectType : ObjectGraphType<Projected<InstrumentEffect>>
{
    public InstrumentEffectType()
    {
        Name = "InstrumentEffect";
        Description = "Whether a policy's participants came to cooperate more than comparable actors outside it did (a difference of differences).";
        Field<NonNullGraphType<PolicyType>>("policy").Description("The policy.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Policy]));
        Field<IntGraphType>("startYear").Description("Its start date's year, else the first year of its fundings and applications; null when none is dated.").Resolve(c => c.Source.Value.StartYear);
        Field<NonNullGraphType<IntGraphType>>("years").Description("The length of each window: the years before the start, and as many from it.").Resolve(c => c.Source.Value.Years);
        Field<NonNullGraphType<GroupCooperationType>>("participants").Description("Its applicants (APPLIED_TO) and beneficiaries (FUNDS from it).")
            .Resolve(c => new Projected<GroupCooperation>(c.Source.Projection, c.Source.Value.Participants));
        Field<NonNullGraphType<GroupCooperationType>>("comparison")
            .Description("Actors outside the policy matching a participant exactly: same kind, same territory one level above where they are located (a commune's département), and at least one theme in common.")
            .Resolve(c => new Projected<GroupCooperation>(c.Source.Projection, c.Source.Value.Comparison));
        Field<FloatGraphType>("differenceInDifferences")
            .Description($"(participants' shareAfter − shareBefore) − (comparison's shareAfter − shareBefore): above 0, the participants came to cooperate more than comparable actors. Null, with reason, without a start year or with fewer than {InstrumentEffects.MinGroupSize} actors in either group.")
            .Resolve(c => c.Source.Value.DifferenceInDifferences);
        Field<StringGraphType>("reason").Description("Why differenceInDifferences is null.").Resolve(c => c.Source.Value.Reason);
    }
}

public sealed class InstrumentSummaryType : ObjectGraphType<Projected<InstrumentSummary>>
{
    public InstrumentSummaryType()
    {
        Name = "InstrumentSummary";
        Description = "The cooperation effect of the policies of one instrument.";
        Field<NonNullGraphType<InstrumentType>>("instrument").Description("The instrument.").Resolve(c => c.Source.Value.Instrument);
        Field<NonNullGraphType<IntGraphType>>("policies").Description("Its policies with a participant in scope.").Resolve(c => c.Source.Value.Policies);
        Field<NonNullGraphType<IntGraphType>>("measured").Description("Those whose differenceInDifferences could be measured.").Resolve(c => c.Source.Value.Measured);
        Field<FloatGraphType>("meanDifferenceInDifferences").Description("The mean of the measured policies' differenceInDifferences; null when none could be measured.").Resolve(c => c.Source.Value.MeanDifferenceInDifferences);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstrumentEffectType>>>>("effects").Description("Each policy's effect, by policy id.")
            .Resolve(c => c.Source.Value.Effects.OrderBy(e => c.Source.Projection.Ids[e.Policy], StringComparer.Ordinal).Select(e => new Projected<InstrumentEffect>(c.Source.Projection, e)));
    }
}
