using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Neo4j;

/// <summary>Links to and from relationship properties: the type is the relationship's type, the ends are its nodes.</summary>
internal static class LinkMaps
{
    /// <summary>Every link type, for statements that must not see the internal HAS_PARENT relationships.</summary>
    public static readonly IReadOnlyList<string> AllTypes = Enum.GetValues<LinkType>().Select(LinkTypeNames.ToConstant).ToList();

    /// <summary>
    /// One row of links-upsert.cypher, links-insert-missing.cypher or links-create.cypher. A link being created has no
    /// property to clear, and <paramref name="omitNulls"/> leaves its empty ones out.
    /// </summary>
    public static Dictionary<string, object?> Row(Link link, long seq, bool omitNulls = false)
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["note"] = link.Note,
            ["source"] = link.Source,
            ["cooperationKind"] = link.CooperationKind?.ToString(),
            ["intensity"] = link.Intensity,
            ["instrument"] = link.Instrument?.ToString(),
            ["amount"] = PropertyMaps.Param(link.Amount),
            ["domain"] = link.Domain?.ToString(),
            ["year"] = link.Year,
            ["outcome"] = link.Outcome?.ToString(),
            ["stage"] = link.Stage?.ToString(),
            ["privateTo"] = link.PrivateTo,
        };
        if (omitNulls)
        {
            PropertyMaps.RemoveNulls(props);
        }
        return new(StringComparer.Ordinal)
        {
            ["id"] = link.Id,
            ["type"] = LinkTypeNames.ToConstant(link.Type),
            ["sourceId"] = link.SourceId,
            ["targetId"] = link.TargetId,
            ["seq"] = seq,
            ["since"] = PropertyMaps.Param(link.Since),
            ["until"] = PropertyMaps.Param(link.Until),
            ["props"] = props,
        };
    }

    /// <summary>A link from <c>r {.*, type, sourceId, targetId}</c>; a topology read leaves every other field empty but a funding's figures.</summary>
    public static Link Read(object? value, bool topologyOnly = false)
    {
        var p = PropertyMaps.Map(value);
        var link = new Link
        {
            Id = p.RequiredText("id"),
            Type = LinkTypeNames.Parse(p.RequiredText("type")),
            SourceId = p.RequiredText("sourceId"),
            TargetId = p.RequiredText("targetId"),
            Since = p.Date("since"),
            Until = p.Date("until"),
            PrivateTo = p.Text("privateTo"),
        };
        if (topologyOnly)
        {
            // The projection keeps a funding's amount, year, instrument and domain: money is analysed there too.
            return link.Type != LinkType.Funds ? link : link with
            {
                Instrument = p.Enum<Instrument>("instrument"), Amount = p.Decimal("amount"), Year = p.Int("year"), Domain = p.Enum<PolicyDomain>("domain"),
            };
        }
        return link with
        {
            Note = p.Text("note"),
            Source = p.Text("source"),
            CooperationKind = p.Enum<CooperationKind>("cooperationKind"),
            Intensity = p.Int("intensity"),
            Instrument = p.Enum<Instrument>("instrument"),
            Amount = p.Decimal("amount"),
            Domain = p.Enum<PolicyDomain>("domain"),
            Year = p.Int("year"),
            Outcome = p.Enum<ApplicationOutcome>("outcome"),
            Stage = p.Enum<InvolvementStage>("stage"),
        };
    }

    public static long Seq(object? value) => PropertyMaps.Map(value).Long("seq") ?? 0;

    public static IReadOnlyList<string> TypesOrAll(IReadOnlyCollection<LinkType>? types) =>
        types is { Count: > 0 } ? types.Select(LinkTypeNames.ToConstant).ToList() : AllTypes;
}
