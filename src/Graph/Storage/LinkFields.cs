using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Storage;

/// <summary>
/// A link as the flat set of fields both stores keep: the only place where a link's typed properties map to stored
/// values (the type as its constant, enumerations by name) and back.
/// </summary>
internal readonly record struct LinkFields
{
    public required string Id { get; init; }

    /// <summary>The type as stored: its constant, COOPERATES_WITH.</summary>
    public required string Type { get; init; }

    public required string SourceId { get; init; }
    public required string TargetId { get; init; }
    public DateOnly? Since { get; init; }
    public DateOnly? Until { get; init; }
    public string? Note { get; init; }
    public string? Source { get; init; }
    public string? CooperationKind { get; init; }
    public int? Intensity { get; init; }
    public string? Instrument { get; init; }
    public decimal? Amount { get; init; }
    public int? Year { get; init; }
    public string? Outcome { get; init; }

    public static LinkFields Of(Link link) => new()
    {
        Id = link.Id,
        Type = LinkTypeNames.ToConstant(link.Type),
        SourceId = link.SourceId,
        TargetId = link.TargetId,
        Since = link.Since,
        Until = link.Until,
        Note = link.Note,
        Source = link.Source,
        CooperationKind = link.CooperationKind?.ToString(),
        Intensity = link.Intensity,
        Instrument = link.Instrument?.ToString(),
        Amount = link.Amount,
        Year = link.Year,
        Outcome = link.Outcome?.ToString(),
    };

    public Link ToLink() => new()
    {
        Id = Id,
        Type = LinkTypeNames.Parse(Type),
        SourceId = SourceId,
        TargetId = TargetId,
        Since = Since,
        Until = Until,
        Note = Note,
        Source = Source,
        CooperationKind = Parse<CooperationKind>(CooperationKind),
        Intensity = Intensity,
        Instrument = Parse<Instrument>(Instrument),
        Amount = Amount,
        Year = Year,
        Outcome = Parse<ApplicationOutcome>(Outcome),
    };

    private static T? Parse<T>(string? name) where T : struct, Enum => name is null ? null : Enum.Parse<T>(name);
}
