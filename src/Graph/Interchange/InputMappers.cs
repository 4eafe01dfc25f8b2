using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Turns input objects (the fields of ActorInput, ThemeInput, PolicyInput, TerritoryInput and LinkInput) into batch
/// items, for the GraphQL mutations and the bulk import alike, so both accept and refuse exactly the same things.
/// Problems that the domain item cannot carry (a field foreign to the kind, a required field missing) go to
/// <c>errors</c> with the item's path.
/// </summary>
public static class InputMappers
{
    private static readonly Dictionary<string, ActorKind[]> ActorSpecific = new(StringComparer.Ordinal)
    {
        ["domain"] = [ActorKind.Service],
        ["directionId"] = [ActorKind.Service],
        ["authorityId"] = [ActorKind.Service, ActorKind.Authority, ActorKind.InnovationLab, ActorKind.Establishment],
        ["hostIds"] = [ActorKind.InnovationLab],
        ["founded"] = [ActorKind.InnovationLab],
        ["decisionMaking"] = [ActorKind.Service],
        ["legalForm"] = [ActorKind.SseActor],
        ["siren"] = [ActorKind.SseActor, ActorKind.Organisation],
        ["uai"] = [ActorKind.Establishment],
        ["category"] = [ActorKind.Establishment],
        ["public"] = [ActorKind.Establishment],
        ["level"] = [ActorKind.Authority],
        ["code"] = [ActorKind.Authority],
        ["population"] = [ActorKind.Authority],
        ["universityKind"] = [ActorKind.University],
    };

    public static NodeUpsert Actor(InputReader input, IReadOnlyList<object> path, List<UserError> errors)
    {
        var kind = Required(input.Enum<ActorKind>("kind"), "kind", ActorKind.SseActor, "an actor", path, errors);
        var kindName = "a " + ConstantCase.From(kind.ToString());
        foreach (var field in input.FieldsSet)
        {
            if (ActorSpecific.TryGetValue(field, out var kinds) && !kinds.Contains(kind))
            {
                errors.Add(new(UserErrorCodes.NotApplicable, $"'{field}' does not apply to {kindName}.", [.. path, field]));
            }
        }
        var id = input.String("id") ?? "";
        var name = input.String("name") ?? "";
        Node node = kind switch
        {
            ActorKind.Authority => new Authority
            {
                Id = id, Name = name, Level = Required(input.Enum<AuthorityLevel>("level"), "level", AuthorityLevel.Commune, kindName, path, errors),
                Code = input.String("code"), Population = input.Value<long>("population"),
            },
            ActorKind.Service => new Service
            {
                Id = id, Name = name, Domain = Required(input.Enum<PolicyDomain>("domain"), "domain", PolicyDomain.Social, kindName, path, errors),
                DirectionId = input.String("directionId"), DecisionMaking = input.Value<bool>("decisionMaking") ?? false,
            },
            ActorKind.SseActor => new SseActor
            {
                Id = id, Name = name, LegalForm = Required(input.Enum<LegalForm>("legalForm"), "legalForm", LegalForm.Other, kindName, path, errors), Siren = input.String("siren"),
            },
            ActorKind.University => new University { Id = id, Name = name, UniversityKind = input.Enum<UniversityKind>("universityKind") ?? UniversityKind.University },
            ActorKind.Organisation => new Organisation { Id = id, Name = name, Siren = input.String("siren") },
            ActorKind.Establishment => new Establishment
            {
                Id = id, Name = name, Uai = input.String("uai"),
                Category = input.Enum<EstablishmentCategory>("category") ?? EstablishmentCategory.Other,
                Public = input.Value<bool>("public") ?? true,
            },
            _ => new InnovationLab { Id = id, Name = name, Founded = input.Value<DateOnly>("founded") },
        };
        var relations = new List<RelationSet>();
        if (input.String("territoryCode") is { } territoryCode)
        {
            relations.Add(new RelationSet(LinkType.LocatedIn, "territoryCode", [territoryCode], RefsAreTerritoryCodes: true));
        }
        if (input.Strings("themeIds") is { } themeIds)
        {
            relations.Add(new RelationSet(LinkType.WorksOn, "themeIds", themeIds));
        }
        if (kind == ActorKind.InnovationLab && input.Strings("hostIds") is { } hostIds)
        {
            // A lab may be hosted by several authorities (MindLab was interministerial); authorityId, when given too,
            // stays the first of them.
            var hosts = input.String("authorityId") is { } first ? [first, .. hostIds.Where(h => h != first)] : hostIds.Distinct(StringComparer.Ordinal).ToList();
            relations.Add(new RelationSet(LinkType.HostedBy, "hostIds", hosts));
        }
        else if (input.String("authorityId") is { } authorityId && ActorSpecific["authorityId"].Contains(kind))
        {
            relations.Add(new RelationSet(kind == ActorKind.InnovationLab ? LinkType.HostedBy : LinkType.PartOf, "authorityId", [authorityId]));
        }
        return new NodeUpsert(Common(node, input), path) { Relations = relations };
    }

    public static NodeUpsert Theme(InputReader input, IReadOnlyList<object> path, List<UserError> errors) => new(
        Common(new Theme
        {
            Id = input.String("id") ?? "",
            Name = input.String("name") ?? "",
            Domain = Required(input.Enum<PolicyDomain>("domain"), "domain", PolicyDomain.Social, "a THEME", path, errors),
        }, input),
        path);

    public static NodeUpsert BeneficiaryGroup(InputReader input, IReadOnlyList<object> path, List<UserError> errors) => new(
        Common(new BeneficiaryGroup { Id = input.String("id") ?? "", Name = input.String("name") ?? "" }, input),
        path);

    public static NodeUpsert Territory(InputReader input, IReadOnlyList<object> path, List<UserError> errors) => new(
        Common(new Territory
        {
            Id = input.String("id") ?? "",
            Code = input.String("code") ?? "",
            Name = input.String("name") ?? "",
            Level = Required(input.Enum<TerritoryLevel>("level"), "level", TerritoryLevel.Commune, "a TERRITORY", path, errors),
            ParentId = input.String("parentId"),
        }, input),
        path);

    public static NodeUpsert Policy(InputReader input, IReadOnlyList<object> path, List<UserError> errors)
    {
        var policy = new Policy
        {
            Id = input.String("id") ?? "",
            Name = input.String("name") ?? "",
            Instrument = Required(input.Enum<Instrument>("instrument"), "instrument", Instrument.Other, "a POLICY", path, errors),
            Domains = input.Enums<PolicyDomain>("domains")?.Distinct().ToList() ?? [],
            Budget = input.Value<decimal>("budget"),
            Start = input.Value<DateOnly>("start"),
            End = input.Value<DateOnly>("end"),
        };
        var relations = new List<RelationSet>();
        if (input.String("ownerId") is { } owner)
        {
            relations.Add(new RelationSet(LinkType.Owns, "ownerId", [owner], Incoming: true));
        }
        if (input.Strings("themeIds") is { } themes)
        {
            relations.Add(new RelationSet(LinkType.Targets, "themeIds", themes));
        }
        return new NodeUpsert(Common(policy, input), path) { Relations = relations };
    }

    public static LinkUpsert Link(InputReader input, IReadOnlyList<object> path, List<UserError> errors)
    {
        var type = Required(input.Enum<LinkType>("type"), "type", LinkType.CooperatesWith, "a link", path, errors);
        var source = input.String("sourceId") ?? "";
        var target = input.String("targetId") ?? "";
        var id = input.String("id");
        var stage = input.Enum<InvolvementStage>("stage");
        var link = new Link
        {
            // A policy involves a group once per stage: the stage is part of a derived id.
            Id = id ?? LinkIds.Derive(type, source, target, type == LinkType.Involves ? stage?.ToString() : null),
            Type = type,
            SourceId = source,
            TargetId = target,
            CooperationKind = input.Enum<CooperationKind>("kind"),
            Intensity = input.Value<int>("intensity"),
            Since = input.Value<DateOnly>("since"),
            Until = input.Value<DateOnly>("until"),
            Note = input.String("note"),
            Instrument = input.Enum<Instrument>("instrument"),
            Amount = input.Value<decimal>("amount"),
            Domain = input.Enum<PolicyDomain>("domain"),
            Year = input.Value<int>("year"),
            Outcome = input.Enum<ApplicationOutcome>("outcome"),
            Stage = stage,
            Source = input.String("source"),
            PrivateTo = input.String("privateTo"),
        };
        return new LinkUpsert(link, IdWasGiven: id is not null, path);
    }

    private static T Common<T>(T node, InputReader input) where T : Node =>
        node with
        {
            Description = input.String("description"), Tags = input.Strings("tags") ?? [], Source = input.String("source"),
            PrivateTo = input.String("privateTo"),
        };

    private static T Required<T>(T? value, string field, T placeholder, string what, IReadOnlyList<object> path, List<UserError> errors) where T : struct
    {
        if (value is null)
        {
            errors.Add(new(UserErrorCodes.Required, $"'{field}' is required for {what}.", [.. path, field]));
        }
        return value ?? placeholder;
    }
}
