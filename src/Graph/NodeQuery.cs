using CoopGraph.Domain.Model;

namespace CoopGraph.Graph;

/// <summary>Filters of node listings; empty or null fields do not filter, several fields intersect.</summary>
public sealed record NodeQuery
{
    public IReadOnlyCollection<NodeKind>? Kinds { get; init; }

    /// <summary>Nodes with at least one of these domains (a service's, theme's or policy's own; other actors' through the themes they work on).</summary>
    public IReadOnlyCollection<PolicyDomain>? Domains { get; init; }

    /// <summary>Nodes that work on or target at least one of these themes.</summary>
    public IReadOnlyCollection<string>? ThemeIds { get; init; }

    /// <summary>Nodes located in this territory or below it (and, for territories, the territory and those below it).</summary>
    public string? TerritoryCode { get; init; }

    public string? Text { get; init; }
}
