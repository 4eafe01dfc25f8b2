namespace CoopGraph.Domain.Model;

/// <summary>An issue area (youth mobility, elderly isolation…) that belongs to one domain but concerns many.</summary>
public sealed record Theme : Node
{
    public required PolicyDomain Domain { get; init; }
    public override NodeKind Kind => NodeKind.Theme;
    public override DomainSet OwnDomains => DomainSet.Of(Domain);
}
