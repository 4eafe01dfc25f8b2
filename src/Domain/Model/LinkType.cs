namespace CoopGraph.Domain.Model;

/// <summary>Relationship types. See CoopGraph.Domain.Validation.LinkRules for which kinds each one joins.</summary>
public enum LinkType : byte
{
    CooperatesWith,
    Funds,
    PartOf,
    Owns,
    Implements,
    AppliedTo,
    WorksOn,
    Targets,
    LocatedIn,
    MemberOf,
    HostedBy,

    /// <summary>A policy (or a lab's project, as a policy) involves a group of its beneficiaries at one stage.</summary>
    Involves,
}
