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
        Field<NonNullGraphType<LinkTypeType>>("type");
        Field<NonNullGraphType<IdGraphType>>("sourceId");
        Field<NonNullGraphType<IdGraphType>>("targetId");
        Field<CooperationKindType>("kind");
        Field<IntGraphType>("intensity");
        Field<DateType>("since");
        Field<DateType>("until");
        Field<StringGraphType>("note");
        Field<InstrumentType>("instrument");
        Field<DecimalGraphType>("amount");
        Field<IntGraphType>("year");
        Field<ApplicationOutcomeType>("outcome");
        Field<StringGraphType>("source").Description("Where the data comes from.");
    }
}

public sealed class LinkFilterType : InputObjectGraphType
{
    public LinkFilterType()
    {
        Name = "LinkFilter";
        Field<ListGraphType<NonNullGraphType<LinkTypeType>>>("types");
        Field<IdGraphType>("nodeId").Description("Links one of whose ends is this node.");
        Field<ListGraphType<NonNullGraphType<CooperationKindType>>>("kinds").Description("COOPERATES_WITH links of these kinds.");
        Field<DateType>("validAt").Description("Links valid on this day.");
    }
}
