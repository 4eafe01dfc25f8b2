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

    /// <summary>
    /// Links of this year or later: a funding's year, or for other links the year they began (since); links with
    /// neither are left out once a year bound is given.
    /// </summary>
    public int? FromYear { get; init; }

    /// <summary>Links of this year or earlier, read as <see cref="FromYear"/>.</summary>
    public int? ToYear { get; init; }

    /// <summary>FUNDS links through one of these instruments.</summary>
    public IReadOnlyCollection<Instrument>? Instruments { get; init; }

    /// <summary>Links with an amount of at least this many euros (links without an amount are left out).</summary>
    public decimal? MinAmount { get; init; }

    /// <summary>Links with an amount of at most this many euros (links without an amount are left out).</summary>
    public decimal? MaxAmount { get; init; }
}
