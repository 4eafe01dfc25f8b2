namespace CoopGraph.Domain.Model;

public sealed record Policy : Node
{
    public IReadOnlyList<PolicyDomain> Domains { get; init; } = [];
    public required Instrument Instrument { get; init; }
    public decimal? Budget { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public override NodeKind Kind => NodeKind.Policy;
    public override DomainSet OwnDomains => DomainSet.Of(Domains);
}
