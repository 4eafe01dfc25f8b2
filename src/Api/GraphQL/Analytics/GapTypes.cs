using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Themes;
using CoopGraph.Domain.Analytics.Gaps;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Analytics;

public sealed class GapReasonKindType : EnumerationGraphType<GapReasonKind>
{
    public GapReasonKindType()
    {
        Description = "Why two actors might cooperate.";
        this.Describe(new Dictionary<GapReasonKind, string>
        {
            [GapReasonKind.SharedTheme] = "They work on the same themes, the rarer the weightier.",
            [GapReasonKind.CommonPartner] = "They cooperate with the same partners.",
            [GapReasonKind.SharedPolicy] = "They take part in the same policies.",
            [GapReasonKind.SharedFunder] = "They are funded by the same funders.",
            [GapReasonKind.SameTerritory] = "They are located in the same territory.",
        });
    }
}

public sealed class GapReasonType : ObjectGraphType<Projected<GapReason>>
{
    public GapReasonType()
    {
        Name = "GapReason";
        Description = "One reason why two actors might cooperate, and its part of the score.";
        Field<NonNullGraphType<GapReasonKindType>>("kind").Description("What the two actors share.").Resolve(c => c.Source.Value.Kind);
        Field<NonNullGraphType<StringGraphType>>("detail").Description("The reason in plain words.").Resolve(c => c.Source.Value.Detail);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("This reason's part of the score.").Resolve(c => c.Source.Value.Weight);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("The shared themes, partners, policies, funders or territory.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.Nodes.Select(n => c.Source.Projection.Ids[n]).ToList()));
    }
}

public sealed class CooperationGapType : ObjectGraphType<Projected<CooperationGap>>
{
    public CooperationGapType()
    {
        Name = "CooperationGap";
        Description = "Two actors of the scope that do not cooperate but have reasons to.";
        Field<NonNullGraphType<ActorInterface>>("source").Description("The actor whose id sorts first.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Source]));
        Field<NonNullGraphType<ActorInterface>>("target").Description("The actor whose id sorts second.").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Target]));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("The sum of the reasons' weights.").Resolve(c => c.Source.Value.Score);
        Field<IntGraphType>("hops").Description("Current cooperation distance in the scope when at most 6 hops, else null.").Resolve(c => c.Source.Value.Hops);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GapReasonType>>>>("reasons").Description("Why they might cooperate, the weightiest first.")
            .Resolve(c => c.Source.Value.Reasons.Select(r => new Projected<GapReason>(c.Source.Projection, r)));
    }
}

public sealed class CooperationGapEdgeType() : EdgeType<CooperationGapType, Projected<CooperationGap>>("CooperationGapEdge");

public sealed class CooperationGapConnectionType() : ConnectionType<CooperationGapType, CooperationGapEdgeType, Projected<CooperationGap>>("CooperationGapConnection");

public sealed class DomainGapType : ObjectGraphType<Projected<DomainGap>>
{
    public DomainGapType()
    {
        Name = "DomainGap";
        Description = "A domain pair of the authority that is not covered (no services of the two domains within 2 cooperation hops) although its services, or the policies they own, share themes.";
        Field<NonNullGraphType<PolicyDomainType>>("a").Description("The first domain of the pair.").Resolve(c => c.Source.Value.A);
        Field<NonNullGraphType<PolicyDomainType>>("b").Description("The second domain of the pair.").Resolve(c => c.Source.Value.B);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeType>>>>("sharedThemes").Description("Themes both sides work on.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.SharedThemes.Select(t => c.Source.Projection.Ids[t]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("servicesA").Description("The authority's services of domain a.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.ServicesA.Select(s => c.Source.Projection.Ids[s]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("servicesB").Description("The authority's services of domain b.")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.ServicesB.Select(s => c.Source.Projection.Ids[s]).ToList()));
    }
}
