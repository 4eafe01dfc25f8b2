using CoopGraph.Api.GraphQL.Common;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Links;

public sealed class LinkInputType : InputObjectGraphType
{
    public LinkInputType()
    {
        Name = "LinkInput";
        Description = "A link to create or replace. Properties apply to some types only (see Link); others are refused.";
        Field<IdGraphType>("id").Description("Optional: derived from type and ends when absent, so re-sending the same link updates it.");
        Field<NonNullGraphType<LinkTypeType>>("type").Description("The type of link; it decides which kinds of node it may join and which properties apply.");
        Field<NonNullGraphType<IdGraphType>>("sourceId").Description("The id of the node the link starts from (either end for COOPERATES_WITH).");
        Field<NonNullGraphType<IdGraphType>>("targetId").Description("The id of the node the link points to.");
        Field<CooperationKindType>("kind").Description("COOPERATES_WITH only: how the two actors cooperate.");
        Field<IntGraphType>("intensity").Description("COOPERATES_WITH only: 1 (occasional) to 5 (structural).");
        Field<DateType>("since").Description("First day the link is valid, when known.");
        Field<DateType>("until").Description("Last day the link is valid, when it ended.");
        Field<StringGraphType>("note").Description("A free note.");
        Field<InstrumentType>("instrument").Description("FUNDS only: the instrument of the funding.");
        Field<DecimalGraphType>("amount").Description("FUNDS only: the amount, in euros.");
        Field<PolicyDomainType>("domain").Description("FUNDS only: the policy domain the funding serves; without it, the funding counts in its funder's domains.");
        Field<IntGraphType>("year").Description("FUNDS and APPLIED_TO: the year of the funding or of the application.");
        Field<ApplicationOutcomeType>("outcome").Description("APPLIED_TO only: what became of the application.");
        Field<InvolvementStageType>("stage").Description("INVOLVES only, and required there: the stage at which the policy involves the group (one link per stage).");
        Field<StringGraphType>("source").Description("Where the data comes from.");
        Field<IdGraphType>("privateTo").Description(Nodes.NodeFields.PrivateToInput);
    }
}

public sealed class LinkFilterType : InputObjectGraphType
{
    public LinkFilterType()
    {
        Name = "LinkFilter";
        Description = "Filters of a link listing; fields given together intersect, values in a list are alternatives.";
        Field<ListGraphType<NonNullGraphType<LinkTypeType>>>("types").Description("Only links of these types.");
        Field<IdGraphType>("nodeId").Description("Links one of whose ends is this node.");
        Field<ListGraphType<NonNullGraphType<CooperationKindType>>>("kinds").Description("COOPERATES_WITH links of these kinds.");
        Field<DateType>("validAt").Description("Links valid on this day.");
        Field<IntGraphType>("fromYear").Description("Links of this year or later: a funding's year, or for other links the year they began (since); links with neither are left out.");
        Field<IntGraphType>("toYear").Description("Links of this year or earlier, read as fromYear.");
        Field<ListGraphType<NonNullGraphType<InstrumentType>>>("instruments").Description("FUNDS links through one of these instruments.");
        Field<DecimalGraphType>("minAmount").Description("Links with an amount of at least this many euros; links without an amount are left out.");
        Field<DecimalGraphType>("maxAmount").Description("Links with an amount of at most this many euros; links without an amount are left out.");
    }
}
