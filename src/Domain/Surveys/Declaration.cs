using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Surveys;

/// <summary>One partner a service declared in a survey: with whom, how, how often, since when, on which themes.</summary>
/// <param name="Intensity">1 (about once a year) to 5 (every day): see <see cref="Frequencies"/>.</param>
public sealed record Declaration(
    string ServiceId, string PartnerId, CooperationKind Kind, int Intensity, DateOnly? Since, IReadOnlyList<string> ThemeIds);

/// <summary>How often a service works with a partner, in the words a respondent picks, and the intensity each means.</summary>
public static class Frequencies
{
    public const int Min = 1;
    public const int Max = 5;

    /// <summary>The words behind each intensity, from 1 to 5, for the schema's description and the survey page.</summary>
    public static IReadOnlyList<string> Words { get; } =
        ["about once a year", "a few times a year", "about once a month", "every week", "every day"];
}

/// <summary>An unordered pair of actors, held with its ends in ordinal order (as a COOPERATES_WITH link is stored).</summary>
public readonly record struct ActorPair
{
    public ActorPair(string a, string b)
    {
        (First, Second) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
    }

    public string First { get; }

    public string Second { get; }

    public bool Has(string id) => First == id || Second == id;

    public static ActorPair Of(Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return new ActorPair(declaration.ServiceId, declaration.PartnerId);
    }
}
