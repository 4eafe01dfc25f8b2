namespace CoopGraph.Domain.Model;

/// <summary>
/// Who reads or writes, as far as private data goes: every answer of CoopGraph is computed on the graph this viewer
/// can see. Public data (no <c>privateTo</c>) is seen by everyone; data private to an authority only by keys bound to
/// that authority and by administrators.
/// </summary>
public sealed record Viewer
{
    private Viewer(bool seesAll, string? authorityId)
    {
        SeesAll = seesAll;
        AuthorityId = authorityId;
    }

    /// <summary>Anonymous readers and keys bound to no authority: public data only.</summary>
    public static Viewer Public { get; } = new(false, null);

    /// <summary>Administrators, and CoopGraph itself (projections, the command line): everything.</summary>
    public static Viewer Everything { get; } = new(true, null);

    /// <summary>A key bound to an authority: public data and the data private to that authority.</summary>
    public static Viewer BoundTo(string authorityId) => new(false, authorityId);

    public bool SeesAll { get; }

    /// <summary>The authority whose private data this viewer sees (and writes), or null.</summary>
    public string? AuthorityId { get; }

    public bool CanSee(string? privateTo) => privateTo is null || SeesAll || string.Equals(privateTo, AuthorityId, StringComparison.Ordinal);

    /// <summary>A stable text for caches keyed per viewer: viewers with equal keys see the same graph.</summary>
    public string Key => SeesAll ? "*" : AuthorityId ?? "";
}
