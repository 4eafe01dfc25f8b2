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
    public override NodeKind Kind => NodeKind.InnovationLab;
}
