namespace CoopGraph.Domain.Model;

/// <summary>Every kind of node in the graph (the Neo4j labels).</summary>
public enum NodeKind
{
    Authority,
    Service,
    SseActor,
    University,
    InnovationLab,
    Organisation,
    Establishment,
    Policy,
    Theme,
    Territory,

    /// <summary>A group of a policy's beneficiaries ("young jobseekers without a car"): groups, never persons.</summary>
    BeneficiaryGroup,
}
