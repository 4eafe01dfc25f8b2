using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Domain.Model;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Links;

public sealed class LinkGraphType : ObjectGraphType<Link>
{
    public LinkGraphType()
    {
        Name = "Link";
        Description = "A typed relationship between two nodes. A COOPERATES_WITH link is stored once; its source is the end whose id sorts first.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The link's id: given when it was written, or derived from its type and ends.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LinkTypeType>>("type").Description("The type of relationship.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<NodeInterface>>("source").Description("The node the link starts from.").Resolve(c => c.Loaders().Node(c.Source.SourceId));
        Field<NonNullGraphType<NodeInterface>>("target").Description("The node the link points to.").Resolve(c => c.Loaders().Node(c.Source.TargetId));
        Field<DateType>("since").Description("First day the link is valid, when known.").Resolve(c => c.Source.Since);
        Field<DateType>("until").Description("Last day the link is valid, when it ended.").Resolve(c => c.Source.Until);
        Field<CooperationKindType>("kind").Description("COOPERATES_WITH only.").Resolve(c => c.Source.CooperationKind);
        Field<IntGraphType>("intensity").Description("COOPERATES_WITH only: 1 (occasional) to 5 (structural).").Resolve(c => c.Source.Intensity);
        Field<InstrumentType>("instrument").Description("FUNDS only.").Resolve(c => c.Source.Instrument);
        Field<DecimalGraphType>("amount").Description("FUNDS only, in euros.").Resolve(c => c.Source.Amount);
        Field<PolicyDomainType>("domain").Description("FUNDS only: the policy domain the funding serves, when known (given, or read from the grant's purpose by the open-data import).").Resolve(c => c.Source.Domain);
        Field<IntGraphType>("year").Description("FUNDS and APPLIED_TO.").Resolve(c => c.Source.Year);
        Field<ApplicationOutcomeType>("outcome").Description("APPLIED_TO only.").Resolve(c => c.Source.Outcome);
        Field<InvolvementStageType>("stage").Description("INVOLVES only: the stage at which the group was involved.").Resolve(c => c.Source.Stage);
        Field<StringGraphType>("note").Description("A free note.").Resolve(c => c.Source.Note);
        Field<Actors.AuthorityType>("privateTo").Description(NodeFields.PrivateTo).Resolve(c => Actors.ActorFields.PrivateTo(c.Loaders(), c.Source.PrivateTo));
        Field<StringGraphType>("origin").Description("Where the link comes from (a dataset, a partner tool).").Resolve(c => c.Source.Source);
        Field<Surveys.SurveyType>("survey").Description("The cooperation survey whose answers declared this link, for the survey's authority; null otherwise.")
            .ResolveAsync(async c => await Surveys.SurveyLinkFields.SurveyAsync(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Actors.ActorInterface>>>>("declaredBy")
            .Description("The services whose survey answers declared this link (empty when it does not come from a survey).")
            .ResolveAsync(async c => await Surveys.SurveyLinkFields.DeclaredByAsync(c));
        Field<BooleanGraphType>("confirmed")
            .Description("From a survey: true when both ends (two services of the authority) declared it, false when one did; null when the link does not come from a survey.")
            .ResolveAsync(async c => await Surveys.SurveyLinkFields.ConfirmedAsync(c));
    }
}

public sealed class LinkEdgeType() : EdgeType<LinkGraphType, Link>("LinkEdge");

public sealed class LinkConnectionType() : ConnectionType<LinkGraphType, LinkEdgeType, Link>("LinkConnection");
