namespace CoopGraph.Domain.Model;

public sealed record Authority : Node
{
    public required AuthorityLevel Level { get; init; }
    public string? Code { get; init; }
    public long? Population { get; init; }
    public override NodeKind Kind => NodeKind.Authority;
}

/// <summary>An internal directorate of an authority; it is PART_OF exactly one <see cref="Authority"/>.</summary>
public sealed record Service : Node
{
    public required PolicyDomain Domain { get; init; }

    /// <summary>The direction (another service of the authority) this service belongs to, or null for a direction itself.</summary>
    public string? DirectionId { get; init; }

    /// <summary>A decision-making body (the general management, the executive's cabinet): a lab linked to one has access to decisions.</summary>
    public bool DecisionMaking { get; init; }

    public override NodeKind Kind => NodeKind.Service;
    public override DomainSet OwnDomains => DomainSet.Of(Domain);
}

public sealed record SseActor : Node
{
    public required LegalForm LegalForm { get; init; }
    public string? Siren { get; init; }
    public override NodeKind Kind => NodeKind.SseActor;
}

public sealed record University : Node
{
    public required UniversityKind UniversityKind { get; init; }
    public override NodeKind Kind => NodeKind.University;
}

public sealed record InnovationLab : Node
{
    /// <summary>When the lab was founded: its balance's trend starts that year.</summary>
    public DateOnly? Founded { get; init; }

    public override NodeKind Kind => NodeKind.InnovationLab;
}

/// <summary>
/// A company or a body that is none of the other kinds (a landlord, a transport operator, La Poste, a chamber of
/// commerce): official data name them as beneficiaries and suppliers, and leaving them out would hide who is funded.
/// </summary>
public sealed record Organisation : Node
{
    public string? Siren { get; init; }
    public override NodeKind Kind => NodeKind.Organisation;
}

/// <summary>
/// A school (collège, lycée, école) or another establishment run under an authority's responsibility: PART_OF the
/// authority that runs it (lycées their région, collèges their département), identified by its UAI.
/// </summary>
public sealed record Establishment : Node
{
    /// <summary>The national identifier of the establishment (unité administrative immatriculée, 8 characters).</summary>
    public string? Uai { get; init; }
    public required EstablishmentCategory Category { get; init; }
    public required bool Public { get; init; }
    public override NodeKind Kind => NodeKind.Establishment;
}
