using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;

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

public sealed record LinkQuery
{
    public IReadOnlyCollection<LinkType>? Types { get; init; }

    /// <summary>Links one of whose ends is this node.</summary>
    public string? NodeId { get; init; }

    public IReadOnlyCollection<CooperationKind>? CooperationKinds { get; init; }

    /// <summary>Links valid at this date (no since after it, no until before it).</summary>
    public DateOnly? ValidAt { get; init; }
}

/// <param name="After">A cursor from an earlier page of the same listing.</param>
public sealed record PageRequest(int First, string? After = null);

public sealed record PageItem<T>(T Item, string Cursor);

public sealed record Page<T>(IReadOnlyList<PageItem<T>> Items, long TotalCount, bool HasNextPage)
{
    public static Page<T> Empty { get; } = new([], 0, false);
}

/// <summary>The outcome of a write: the ids written (nodes, then links) or the errors that stopped it.</summary>
public sealed record WriteResult(IReadOnlyList<string> Ids, IReadOnlyList<UserError> Errors, long Version)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A cursor that this store did not produce.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);
