namespace CoopGraph.Domain.Model;

/// <summary>A typed relationship. COOPERATES_WITH is symmetric and stored once with its ends in ordinal order.</summary>
public sealed record Link
{
    public required string Id { get; init; }
    public required LinkType Type { get; init; }
    public required string SourceId { get; init; }
    public required string TargetId { get; init; }
    public DateOnly? Since { get; init; }
    public DateOnly? Until { get; init; }
    public string? Note { get; init; }
    public string? Source { get; init; }

    /// <summary>
    /// The authority this link is private to, or null when public. As stored it covers the link's ends too: a link
    /// with an end private to an authority is private to that authority, so a viewer who sees the link sees both ends.
    /// </summary>
    public string? PrivateTo { get; init; }

    /// <summary>COOPERATES_WITH only.</summary>
    public CooperationKind? CooperationKind { get; init; }

    /// <summary>COOPERATES_WITH only, 1 (occasional) to 5 (structural).</summary>
    public int? Intensity { get; init; }

    /// <summary>FUNDS only.</summary>
    public Instrument? Instrument { get; init; }

    /// <summary>FUNDS only.</summary>
    public decimal? Amount { get; init; }

    /// <summary>
    /// FUNDS only: the policy domain the funding serves, when known (given, or read from the grant's purpose); when
    /// absent, a funding counts in its funder's domains.
    /// </summary>
    public PolicyDomain? Domain { get; init; }

    /// <summary>FUNDS and APPLIED_TO.</summary>
    public int? Year { get; init; }

    /// <summary>APPLIED_TO only.</summary>
    public ApplicationOutcome? Outcome { get; init; }

    /// <summary>INVOLVES only, and required there: the stage at which the group was involved.</summary>
    public InvolvementStage? Stage { get; init; }
}
