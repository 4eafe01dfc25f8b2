using CoopGraph.Domain.Model;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Common;

// GraphQL.NET names these after the CLR enum and writes values in CONSTANT_CASE (SseActor → SSE_ACTOR).

public sealed class ActorKindType : EnumerationGraphType<ActorKind>
{
    public ActorKindType() => Description = "The kinds of node that act: they cooperate, fund, apply to calls and work on themes.";
}

public sealed class LinkTypeType : EnumerationGraphType<LinkType>
{
    public LinkTypeType() => Description = "Relationship types. COOPERATES_WITH is symmetric; the others point from source to target.";
}

public sealed class PolicyDomainType : EnumerationGraphType<PolicyDomain>
{
    public PolicyDomainType() => Description = "The policy areas in which authorities organise their services (their silos).";
}

public sealed class AuthorityLevelType : EnumerationGraphType<AuthorityLevel>;

public sealed class LegalFormType : EnumerationGraphType<LegalForm>;

public sealed class UniversityKindType : EnumerationGraphType<UniversityKind>;

public sealed class InstrumentType : EnumerationGraphType<Instrument>
{
    public InstrumentType() => Description = "The instrument of a policy or of a funding: does it make actors cooperate or compete?";
}

public sealed class CooperationKindType : EnumerationGraphType<CooperationKind>;

public sealed class ApplicationOutcomeType : EnumerationGraphType<ApplicationOutcome>;

public sealed class TerritoryLevelType : EnumerationGraphType<TerritoryLevel>;
