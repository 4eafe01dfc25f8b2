using System.Globalization;
using System.Text.Json;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Interchange;

/// <summary>One line of an import: a node upsert, a link upsert or a deletion; or the reason it cannot be read.</summary>
public sealed record ImportLine(long Number, NodeUpsert? Node = null, LinkUpsert? Link = null, ItemDelete? NodeDelete = null, ItemDelete? LinkDelete = null, string? Problem = null);

/// <summary>
/// Reads the import format: one JSON object a line with <c>"op": "node" | "link" | "delete"</c> and the fields of
/// the GraphQL inputs (ActorInput, ThemeInput, PolicyInput, TerritoryInput by <c>kind</c>; LinkInput; for delete,
/// <c>id</c> and <c>"what": "node" | "link"</c>). Enum values are written as in the schema (SSE_ACTOR).
/// </summary>
public static class NdjsonLineReader
{
    public static ImportLine Read(string text, long number)
    {
        IReadOnlyList<object> path = ["line", number];
        try
        {
            using var document = JsonDocument.Parse(text);
            var o = document.RootElement;
            if (o.ValueKind != JsonValueKind.Object)
            {
                return new ImportLine(number, Problem: "A line must be a JSON object.");
            }
            return Str(o, "op") switch
            {
                "node" => new ImportLine(number, Node: ReadNode(o, path)),
                "link" => new ImportLine(number, Link: ReadLink(o, path)),
                "delete" => Str(o, "what") switch
                {
                    "link" => new ImportLine(number, LinkDelete: new ItemDelete(Required(o, "id"), path)),
                    "node" or null => new ImportLine(number, NodeDelete: new ItemDelete(Required(o, "id"), path)),
                    var other => new ImportLine(number, Problem: $"'what' must be node or link, not '{other}'."),
                },
                var op => new ImportLine(number, Problem: $"'op' must be node, link or delete, not '{op ?? "(missing)"}'."),
            };
        }
        catch (JsonException)
        {
            return new ImportLine(number, Problem: "Not valid JSON.");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return new ImportLine(number, Problem: e.Message);
        }
    }

    private static NodeUpsert ReadNode(JsonElement o, IReadOnlyList<object> path)
    {
        var id = Required(o, "id");
        var name = Required(o, "name");
        var kind = Required(o, "kind");
        Node node = kind switch
        {
            "AUTHORITY" => new Authority { Id = id, Name = name, Level = Enum<AuthorityLevel>(o, "level") ?? throw Missing("level"), Code = Str(o, "code"), Population = Long(o, "population") },
            "SERVICE" => new Service { Id = id, Name = name, Domain = Enum<PolicyDomain>(o, "domain") ?? throw Missing("domain") },
            "SSE_ACTOR" => new SseActor { Id = id, Name = name, LegalForm = Enum<LegalForm>(o, "legalForm") ?? throw Missing("legalForm"), Siren = Str(o, "siren") },
            "UNIVERSITY" => new University { Id = id, Name = name, UniversityKind = Enum<UniversityKind>(o, "universityKind") ?? UniversityKind.University },
            "INNOVATION_LAB" => new InnovationLab { Id = id, Name = name },
            "POLICY" => new Policy
            {
                Id = id, Name = name, Instrument = Enum<Instrument>(o, "instrument") ?? throw Missing("instrument"),
                Domains = Strings(o, "domains")?.Select(d => Parse<PolicyDomain>(d, "domains")).Distinct().ToList() ?? [],
                Budget = Decimal(o, "budget"),
                Start = Date(o, "start"), End = Date(o, "end"),
            },
            "THEME" => new Theme { Id = id, Name = name, Domain = Enum<PolicyDomain>(o, "domain") ?? throw Missing("domain") },
            "TERRITORY" => new Territory { Id = id, Name = name, Code = Required(o, "code"), Level = Enum<TerritoryLevel>(o, "level") ?? throw Missing("level"), ParentId = Str(o, "parentId") },
            _ => throw new FormatException($"Unknown kind '{kind}'."),
        };
        node = node with { Description = Str(o, "description"), Tags = Strings(o, "tags") ?? [], Source = Str(o, "source") };

        var relations = new List<RelationSet>();
        if (Str(o, "territoryCode") is { } code)
        {
            relations.Add(new RelationSet(LinkType.LocatedIn, "territoryCode", [code], RefsAreTerritoryCodes: true));
        }
        if (Strings(o, "themeIds") is { } themes)
        {
            relations.Add(new RelationSet(node is Policy ? LinkType.Targets : LinkType.WorksOn, "themeIds", themes));
        }
        if (Str(o, "authorityId") is { } authority)
        {
            relations.Add(new RelationSet(node is InnovationLab ? LinkType.HostedBy : LinkType.PartOf, "authorityId", [authority]));
        }
        if (Str(o, "ownerId") is { } owner && node is Policy)
        {
            relations.Add(new RelationSet(LinkType.Owns, "ownerId", [owner], Incoming: true));
        }
        return new NodeUpsert(node, path) { Relations = relations };
    }

    private static LinkUpsert ReadLink(JsonElement o, IReadOnlyList<object> path)
    {
        var type = LinkTypeNames.Parse(Required(o, "type"));
        var source = Required(o, "sourceId");
        var target = Required(o, "targetId");
        var id = Str(o, "id");
        var link = new Link
        {
            Id = id ?? LinkIds.Derive(type, source, target),
            Type = type,
            SourceId = source,
            TargetId = target,
            Since = Date(o, "since"),
            Until = Date(o, "until"),
            Note = Str(o, "note"),
            CooperationKind = Enum<CooperationKind>(o, "kind"),
            Intensity = Int(o, "intensity"),
            Instrument = Enum<Instrument>(o, "instrument"),
            Amount = Decimal(o, "amount"),
            Year = Int(o, "year"),
            Outcome = Enum<ApplicationOutcome>(o, "outcome"),
            Source = Str(o, "source"),
        };
        return new LinkUpsert(link, IdWasGiven: id is not null, path);
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"'{name}' must be a string.")
            : null;

    private static string Required(JsonElement o, string name) => Str(o, name) ?? throw Missing(name);

    private static List<string>? Strings(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"'{name}' must list strings.")).ToList()
            : null;

    private static JsonElement? Number(JsonElement o, string name) =>
        !o.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value
        : throw new FormatException($"'{name}' must be a number.");

    private static long? Long(JsonElement o, string name) =>
        Number(o, name) is { } n ? n.TryGetInt64(out var v) ? v : throw new FormatException($"'{name}' must be a whole number.") : null;

    private static int? Int(JsonElement o, string name) =>
        Number(o, name) is { } n ? n.TryGetInt32(out var v) ? v : throw new FormatException($"'{name}' must be a whole number.") : null;

    private static decimal? Decimal(JsonElement o, string name) =>
        Number(o, name) is { } n ? n.GetDecimal() : null;

    private static DateOnly? Date(JsonElement o, string name) =>
        Str(o, name) is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw new FormatException($"'{name}' must be a date, yyyy-MM-dd.")
            : null;

    private static T? Enum<T>(JsonElement o, string name) where T : struct, System.Enum =>
        Str(o, name) is { } text ? Parse<T>(text, name) : null;

    private static T Parse<T>(string text, string name) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !text.Any(char.IsDigit)
            ? value
            : throw new FormatException($"'{text}' is not a valid {name}.");

    private static FormatException Missing(string name) => new($"'{name}' is required.");
}
