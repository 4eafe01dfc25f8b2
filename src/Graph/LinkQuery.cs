using CoopGraph.Domain.Model;

namespace CoopGraph.Graph;

public sealed record LinkQuery
{
    public IReadOnlyCollection<LinkType>? Types { get; init; }

    /// <summary>Links one of whose ends is this node.</summary>
    public string? NodeId { get; init; }

    public IReadOnlyCollection<CooperationKind>? CooperationKinds { get; init; }

    /// <summary>Links valid at this date (no since after it, no until before it).</summary>
    public DateOnly? ValidAt { get; init; }
}
