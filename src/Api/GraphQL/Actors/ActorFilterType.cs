using CoopGraph.Api.GraphQL.Common;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Actors;

public sealed class ActorFilterType : InputObjectGraphType
{
    public ActorFilterType()
    {
        Name = "ActorFilter";
        Description = "Filters of an actor listing; fields given together intersect, values in a list are alternatives.";
        Field<ListGraphType<NonNullGraphType<ActorKindType>>>("kinds").Description("Only actors of these kinds.");
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains").Description("A service's domain; for other actors, the domains of the themes they work on.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("Actors working on at least one of these themes.");
        Field<StringGraphType>("territoryCode").Description("Actors located in this territory or below it.");
        Field<StringGraphType>("text").Description("Words to find in names and descriptions (prefix match, accents ignored).");
    }
}
