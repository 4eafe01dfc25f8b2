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
    public GapReasonKindType() => Description = "Why two actors might cooperate.";
}

public sealed class GapReasonType : ObjectGraphType<Projected<GapReason>>
{
    public GapReasonType()
    {
        Name = "GapReason";
        Field<NonNullGraphType<GapReasonKindType>>("kind").Resolve(c => c.Source.Value.Kind);
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
        Field<NonNullGraphType<ActorInterface>>("target").Resolve(c => c.Loaders().Node(c.Source.Projection.Ids[c.Source.Value.Target]));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("The sum of the reasons' weights.").Resolve(c => c.Source.Value.Score);
        Field<IntGraphType>("hops").Description("Current cooperation distance in the scope when at most 6 hops, else null.").Resolve(c => c.Source.Value.Hops);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GapReasonType>>>>("reasons")
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
        Field<NonNullGraphType<PolicyDomainType>>("a").Resolve(c => c.Source.Value.A);
        Field<NonNullGraphType<PolicyDomainType>>("b").Resolve(c => c.Source.Value.B);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeType>>>>("sharedThemes")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.SharedThemes.Select(t => c.Source.Projection.Ids[t]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("servicesA")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.ServicesA.Select(s => c.Source.Projection.Ids[s]).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceType>>>>("servicesB")
            .Resolve(c => c.Loaders().Nodes(c.Source.Value.ServicesB.Select(s => c.Source.Projection.Ids[s]).ToList()));
    }
}
