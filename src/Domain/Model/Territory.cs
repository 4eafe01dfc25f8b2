namespace CoopGraph.Domain.Model;

/// <summary>A place in the territorial tree (commune ⊂ département ⊂ region). Codes are unique among territories.</summary>
public sealed record Territory : Node
{
    public required string Code { get; init; }
    public required TerritoryLevel Level { get; init; }
    public string? ParentId { get; init; }
    public override NodeKind Kind => NodeKind.Territory;
}
