using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Api.GraphQL.Actors;

/// <summary>Maps an ActorInput to a node upsert with its relation sets, refusing fields foreign to the kind.</summary>
public static class ActorInputMapper
{
    private static readonly Dictionary<string, ActorKind[]> KindSpecific = new(StringComparer.Ordinal)
    {
        ["domain"] = [ActorKind.Service],
        ["authorityId"] = [ActorKind.Service, ActorKind.Authority, ActorKind.InnovationLab],
        ["legalForm"] = [ActorKind.SseActor],
        ["siren"] = [ActorKind.SseActor],
        ["level"] = [ActorKind.Authority],
        ["code"] = [ActorKind.Authority],
        ["population"] = [ActorKind.Authority],
        ["universityKind"] = [ActorKind.University],
    };

    public static NodeUpsert Map(InputReader input, IReadOnlyList<object> path, List<UserError> errors)
    {
        var kind = input.Enum<ActorKind>("kind") ?? ActorKind.SseActor;
        foreach (var field in input.FieldsSet)
        {
            if (KindSpecific.TryGetValue(field, out var kinds) && !kinds.Contains(kind))
            {
                errors.Add(new(UserErrorCodes.NotApplicable, $"'{field}' does not apply to a {ConstantCase.From(kind.ToString())}.", [.. path, field]));
            }
        }
        T Required<T>(T? value, string field, T placeholder) where T : struct
        {
            if (value is null)
            {
                errors.Add(new(UserErrorCodes.Required, $"'{field}' is required for a {ConstantCase.From(kind.ToString())}.", [.. path, field]));
            }
            return value ?? placeholder;
        }

        var id = input.String("id") ?? "";
        var name = input.String("name") ?? "";
        Node node = kind switch
        {
            ActorKind.Authority => new Authority
            {
                Id = id, Name = name, Level = Required(input.Enum<AuthorityLevel>("level"), "level", AuthorityLevel.Commune),
                Code = input.String("code"), Population = input.Value<long>("population"),
            },
            ActorKind.Service => new Service { Id = id, Name = name, Domain = Required(input.Enum<PolicyDomain>("domain"), "domain", PolicyDomain.Social) },
            ActorKind.SseActor => new SseActor
            {
                Id = id, Name = name, LegalForm = Required(input.Enum<LegalForm>("legalForm"), "legalForm", LegalForm.Other), Siren = input.String("siren"),
            },
            ActorKind.University => new University { Id = id, Name = name, UniversityKind = input.Enum<UniversityKind>("universityKind") ?? UniversityKind.University },
            _ => new InnovationLab { Id = id, Name = name },
        };
        node = node with { Description = input.String("description"), Tags = input.Strings("tags") ?? [], Source = input.String("source") };

        var relations = new List<RelationSet>();
        if (input.String("territoryCode") is { } territoryCode)
        {
            relations.Add(new RelationSet(LinkType.LocatedIn, "territoryCode", [territoryCode], RefsAreTerritoryCodes: true));
        }
        if (input.Strings("themeIds") is { } themeIds)
        {
            relations.Add(new RelationSet(LinkType.WorksOn, "themeIds", themeIds));
        }
        if (input.String("authorityId") is { } authorityId && KindSpecific["authorityId"].Contains(kind))
        {
            relations.Add(new RelationSet(kind == ActorKind.InnovationLab ? LinkType.HostedBy : LinkType.PartOf, "authorityId", [authorityId]));
        }
        return new NodeUpsert(node, path) { Relations = relations };
    }
}
