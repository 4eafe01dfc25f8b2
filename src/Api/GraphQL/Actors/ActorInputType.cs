using CoopGraph.Api.GraphQL.Common;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Actors;

public sealed class ActorInputType : InputObjectGraphType
{
    public ActorInputType()
    {
        Name = "ActorInput";
        Description = "An actor to create or replace. Fields that do not apply to its kind are refused. " +
            "territoryCode, themeIds, authorityId and hostIds, when given, replace the actor's LOCATED_IN, WORKS_ON and PART_OF/HOSTED_BY links.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id, 1 to 200 characters, unique across all kinds.");
        Field<NonNullGraphType<ActorKindType>>("kind").Description("The kind of actor; it decides which other fields apply.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name, as people write it.");
        Field<StringGraphType>("description").Description("What it does, in a few sentences.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Free labels, for search and filters.");
        Field<StringGraphType>("source").Description("Where the data comes from.");
        Field<PolicyDomainType>("domain").Description("SERVICE only, required.");
        Field<IdGraphType>("directionId").Description("SERVICE only: the direction it belongs to (another service of the authority, public or private to the same authority).");
        Field<IdGraphType>("authorityId").Description("SERVICE (required): the authority it is PART_OF. AUTHORITY: its parent authority. INNOVATION_LAB: its (first) host. ESTABLISHMENT: the authority responsible for it.");
        Field<DateType>("founded").Description("INNOVATION_LAB only: when it was founded.");
        Field<BooleanGraphType>("decisionMaking").Description("SERVICE only: whether it is a decision-making body (general management, the executive's cabinet). Default false.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("hostIds").Description("INNOVATION_LAB only: every authority hosting it (HOSTED_BY), authorityId first when given too.");
        Field<LegalFormType>("legalForm").Description("SSE_ACTOR only, required.");
        Field<StringGraphType>("siren").Description("SSE_ACTOR and ORGANISATION only.");
        Field<StringGraphType>("uai").Description("ESTABLISHMENT only: its national identifier (UAI).");
        Field<EstablishmentCategoryType>("category").Description("ESTABLISHMENT only (default OTHER).");
        Field<BooleanGraphType>("public").Description("ESTABLISHMENT only: false for a private establishment (default true).");
        Field<AuthorityLevelType>("level").Description("AUTHORITY only, required.");
        Field<StringGraphType>("code").Description("AUTHORITY only: official code.");
        Field<LongGraphType>("population").Description("AUTHORITY only.");
        Field<UniversityKindType>("universityKind").Description("UNIVERSITY only (default UNIVERSITY).");
        Field<StringGraphType>("territoryCode").Description("Code of the territory the actor is LOCATED_IN.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("Themes the actor WORKS_ON.");
        Field<IdGraphType>("privateTo").Description(Nodes.NodeFields.PrivateToInput);
    }
}
