using CoopGraph.Api.GraphQL.Actors;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Policies;

public sealed class PolicyType : ObjectGraphType<Policy>
{
    public PolicyType()
    {
        Name = "Policy";
        Description = "A public policy or programme, and the instrument through which it acts.";
        Interface<NodeInterface>();
        this.IsTypeOfClass();
        NodeFields.AddCommon(this);
        Field<NonNullGraphType<InstrumentType>>("instrument").Description("The instrument through which it acts.").Resolve(c => c.Source.Instrument);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyDomainType>>>>("domains").Description("The domains it belongs to.").Resolve(c => c.Source.Domains);
        Field<DecimalGraphType>("budget").Description("Budget in euros.").Resolve(c => c.Source.Budget);
        Field<DateType>("start").Description("First day it applies.").Resolve(c => c.Source.Start);
        Field<DateType>("end").Description("Last day it applies.").Resolve(c => c.Source.End);
        Field<ActorInterface>("owner").Description("The actor that OWNS the policy (a service, an authority, or an association that runs a programme).")
            .Resolve(c => c.Loaders().NeighbourNode(c.Source.Id, LinkType.Owns, LinkDirection.Incoming));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("applicants").Description("The actors that APPLIED_TO it (a call's candidates, any year), each once.")
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, LinkType.AppliedTo, LinkDirection.Incoming));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("funders").Description("The actors and policies that FUND it, each once.")
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, LinkType.Funds, LinkDirection.Incoming));
        Field<AuthorityType>("privateTo").Description(NodeFields.PrivateTo).Resolve(c => ActorFields.PrivateTo(c.Loaders(), c.Source.PrivateTo));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Analytics.InvolvementType>>>>("involvement")
            .Description("The groups of beneficiaries it INVOLVES and at which stage, in stage order.")
            .Resolve(c => c.Loaders().LinksOf(c.Source.Id, [LinkType.Involves], new PageRequest(Paging.Paging.MaxFirst))
                .Then(page => (page?.Items ?? []).Select(i => i.Item).OrderBy(l => l.Stage).ThenBy(l => l.TargetId, StringComparer.Ordinal).ToList()));
        NodeFields.AddThemes(this, LinkType.Targets);
        NodeFields.AddLinks(this);
    }
}
