namespace CoopGraph.Domain.Model;

/// <summary>A node of the graph. Ids are chosen by whoever imports the node and are unique across all kinds.</summary>
public abstract record Node
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Source { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The authority this node is private to, or null when it is public. Only actors and policies may be private;
    /// themes and territories are always public.
    /// </summary>
    public string? PrivateTo { get; init; }

    public abstract NodeKind Kind { get; }

    /// <summary>The domains the node carries itself (not those derived from its themes).</summary>
    public virtual DomainSet OwnDomains => DomainSet.Empty;
}
