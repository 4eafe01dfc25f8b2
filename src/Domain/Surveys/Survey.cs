namespace CoopGraph.Domain.Surveys;

/// <summary>
/// A cooperation survey: an authority asks each of its services with whom it works. Everything it collects is
/// private to the authority that runs it.
/// </summary>
public sealed record Survey
{
    public required string Id { get; init; }

    public required string AuthorityId { get; init; }

    public required string Title { get; init; }

    public required DateOnly OpensOn { get; init; }

    /// <summary>The last day answers are taken, or null for a survey closed only by hand.</summary>
    public DateOnly? ClosesOn { get; init; }

    /// <summary>When a manager closed it by hand, or null.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether answers are still taken on <paramref name="today"/>: not closed by hand, closing date not past.</summary>
    public bool IsOpenOn(DateOnly today) => ClosedAt is null && (ClosesOn is not { } last || today <= last);
}

/// <summary>
/// Survey ids start with <c>survey:</c> (a prefix graph nodes may not use), and links written from a survey's answers carry
/// its id as their origin, which is how a link finds its survey.
/// </summary>
public static class SurveyOrigins
{
    public const string Prefix = "survey:";

    public static bool IsSurveyId(string id) => id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length > Prefix.Length;

    /// <summary>The survey id an origin names, or null when the origin is not a survey's.</summary>
    public static string? SurveyId(string? origin) => origin is not null && IsSurveyId(origin) ? origin : null;
}

/// <summary>A service invited to answer, and whether it has.</summary>
/// <param name="Declared">How many partners its last submission declared (0 before it answers).</param>
public sealed record SurveyInvitation(string SurveyId, string ServiceId, DateTimeOffset? AnsweredAt, int Declared);
