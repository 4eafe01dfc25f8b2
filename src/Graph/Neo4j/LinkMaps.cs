using CoopGraph.Domain.Model;
using CoopGraph.Graph.Storage;

namespace CoopGraph.Graph.Neo4j;

/// <summary>Links to and from relationship properties, through <see cref="LinkFields"/>: the type is the relationship's type, the ends are its nodes.</summary>
internal static class LinkMaps
{
    /// <summary>Every link type, for statements that must not see the internal HAS_PARENT relationships.</summary>
    public static readonly IReadOnlyList<string> AllTypes = Enum.GetValues<LinkType>().Select(LinkTypeNames.ToConstant).ToList();

    /// <summary>One row of links-upsert.cypher or links-insert-missing.cypher.</summary>
    public static Dictionary<string, object?> Row(Link link, long seq)
    {
        var f = LinkFields.Of(link);
        return new(StringComparer.Ordinal)
        {
            ["id"] = f.Id,
            ["type"] = f.Type,
            ["sourceId"] = f.SourceId,
            ["targetId"] = f.TargetId,
            ["seq"] = seq,
            ["since"] = PropertyMaps.Param(f.Since),
            ["until"] = PropertyMaps.Param(f.Until),
            ["props"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["note"] = f.Note,
                ["source"] = f.Source,
                ["cooperationKind"] = f.CooperationKind,
                ["intensity"] = f.Intensity,
                ["instrument"] = f.Instrument,
                ["amount"] = PropertyMaps.Param(f.Amount),
                ["year"] = f.Year,
                ["outcome"] = f.Outcome,
            },
        };
    }

    /// <summary>A link from <c>r {.*, type, sourceId, targetId}</c>; a topology read leaves every other field empty.</summary>
    public static Link Read(object? value, bool topologyOnly = false)
    {
        var p = PropertyMaps.Map(value);
        var link = new LinkFields
        {
            Id = p.RequiredText("id"),
            Type = p.RequiredText("type"),
            SourceId = p.RequiredText("sourceId"),
            TargetId = p.RequiredText("targetId"),
            Since = p.Date("since"),
            Until = p.Date("until"),
        };
        return (topologyOnly ? link : link with
        {
            Note = p.Text("note"),
            Source = p.Text("source"),
            CooperationKind = p.Text("cooperationKind"),
            Intensity = p.Int("intensity"),
            Instrument = p.Text("instrument"),
            Amount = p.Decimal("amount"),
            Year = p.Int("year"),
            Outcome = p.Text("outcome"),
        }).ToLink();
    }

    public static long Seq(object? value) => PropertyMaps.Map(value).Long("seq") ?? 0;

    public static IReadOnlyList<string> TypesOrAll(IReadOnlyCollection<LinkType>? types) =>
        types is { Count: > 0 } ? types.Select(LinkTypeNames.ToConstant).ToList() : AllTypes;
}
