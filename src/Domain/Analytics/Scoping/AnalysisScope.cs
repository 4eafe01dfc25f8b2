using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Scoping;

/// <summary>
/// Which actors an analysis looks at. Empty means every actor; several fields intersect.
/// <list type="bullet">
/// <item><c>AuthorityId</c>: the authority, its services, and every actor cooperating directly with one of them (at <c>AsOf</c>).</item>
/// <item><c>TerritoryCode</c>: actors located in that territory or below it.</item>
/// <item><c>ThemeIds</c>: actors working on at least one of the themes.</item>
/// <item><c>Domains</c>: actors with at least one of the domains; <c>Kinds</c>: actors of these kinds.</item>
/// <item><c>AsOf</c>: only COOPERATES_WITH links valid on that day form the cooperation graph.</item>
/// </list>
/// </summary>
public sealed record AnalysisScope
{
    public static AnalysisScope Everything { get; } = new();

    public string? AuthorityId { get; init; }
    public string? TerritoryCode { get; init; }
    public IReadOnlyList<string>? ThemeIds { get; init; }
    public IReadOnlyList<PolicyDomain>? Domains { get; init; }
    public IReadOnlyList<ActorKind>? Kinds { get; init; }
    public DateOnly? AsOf { get; init; }

    public int? Day => AsOf?.DayNumber;

    /// <summary>True when the scope keeps every actor (it may still have a date).</summary>
    public bool KeepsEveryActor =>
        AuthorityId is null && TerritoryCode is null && ThemeIds is not { Count: > 0 } && Domains is not { Count: > 0 } && Kinds is not { Count: > 0 };

    /// <summary>A stable text for caching analyses per scope.</summary>
    public string Key => string.Join('|',
        AuthorityId, TerritoryCode,
        string.Join(',', (ThemeIds ?? []).Order(StringComparer.Ordinal)),
        string.Join(',', (Domains ?? []).Order()),
        string.Join(',', (Kinds ?? []).Order()),
        AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
