using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Storage;

/// <summary>
/// A node as the one flat set of fields both stores keep, whatever its kind: the only place where a kind's own fields
/// map to stored fields and back. Enumerations are kept by name.
/// </summary>
internal readonly record struct NodeFields
{
    public required string Id { get; init; }
    public required NodeKind Kind { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; }
    public string? Source { get; init; }
    public DomainSet Domains { get; init; }

    /// <summary>An authority's or a territory's level; an establishment's type; a decision-making service's mark.</summary>
    public string? Level { get; init; }

    /// <summary>An authority's or a territory's official code; an establishment's UAI.</summary>
    public string? Code { get; init; }

    public long? Population { get; init; }
    /// <summary>An SSE actor's legal form; an establishment's sector (Public or Private).</summary>
    public string? LegalForm { get; init; }
    public string? Siren { get; init; }
    public string? UniversityKind { get; init; }
    public string? Instrument { get; init; }
    public decimal? Budget { get; init; }
    /// <summary>A policy's start; a lab's founding date.</summary>
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }

    /// <summary>A territory's parent territory; a service's direction.</summary>
    public string? ParentId { get; init; }

    /// <summary>The authority the node is private to, or null when public.</summary>
    public string? PrivateTo { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    private const string PublicSector = "Public";
    private const string PrivateSector = "Private";

    /// <summary>A service's level when it is a decision-making body (a service has no other level to keep).</summary>
    private const string DecisionMakingBody = "DecisionMaking";

    public static NodeFields Of(Node node)
    {
        var fields = new NodeFields
        {
            Id = node.Id, Kind = node.Kind, Name = node.Name, Description = node.Description, Tags = node.Tags,
            Source = node.Source, Domains = node.OwnDomains, PrivateTo = node.PrivateTo,
        };
        return node switch
        {
            Authority a => fields with { Level = a.Level.ToString(), Code = a.Code, Population = a.Population },
            SseActor s => fields with { LegalForm = s.LegalForm.ToString(), Siren = s.Siren },
            University u => fields with { UniversityKind = u.UniversityKind.ToString() },
            Policy p => fields with { Instrument = p.Instrument.ToString(), Budget = p.Budget, Start = p.Start, End = p.End },
            Territory t => fields with { Level = t.Level.ToString(), Code = t.Code, ParentId = t.ParentId },
            Service s => fields with { ParentId = s.DirectionId, Level = s.DecisionMaking ? DecisionMakingBody : null },
            InnovationLab l => fields with { Start = l.Founded },
            Organisation o => fields with { Siren = o.Siren },
            Establishment e => fields with { Code = e.Uai, Level = e.Category.ToString(), LegalForm = e.Public ? PublicSector : PrivateSector },
            _ => fields,
        };
    }

    public Node ToNode()
    {
        Node node = Kind switch
        {
            NodeKind.Authority => new Authority { Id = Id, Name = Name, Level = Parse<AuthorityLevel>(Level), Code = Code, Population = Population },
            NodeKind.Service => new Service { Id = Id, Name = Name, Domain = Domains.ToList()[0], DirectionId = ParentId, DecisionMaking = Level == DecisionMakingBody },
            NodeKind.SseActor => new SseActor { Id = Id, Name = Name, LegalForm = Parse<LegalForm>(LegalForm), Siren = Siren },
            NodeKind.University => new University { Id = Id, Name = Name, UniversityKind = Parse<UniversityKind>(UniversityKind) },
            NodeKind.InnovationLab => new InnovationLab { Id = Id, Name = Name, Founded = Start },
            NodeKind.Organisation => new Organisation { Id = Id, Name = Name, Siren = Siren },
            NodeKind.Establishment => new Establishment
            {
                Id = Id, Name = Name, Uai = Code, Category = Parse<EstablishmentCategory>(Level), Public = LegalForm != PrivateSector,
            },
            NodeKind.Policy => new Policy
            {
                Id = Id, Name = Name, Domains = Domains.ToList(), Instrument = Parse<Instrument>(Instrument),
                Budget = Budget, Start = Start, End = End,
            },
            NodeKind.Theme => new Theme { Id = Id, Name = Name, Domain = Domains.ToList()[0] },
            NodeKind.BeneficiaryGroup => new BeneficiaryGroup { Id = Id, Name = Name },
            NodeKind.Territory => new Territory
            {
                Id = Id, Name = Name, Code = Code ?? throw Missing("code"), Level = Parse<TerritoryLevel>(Level), ParentId = ParentId,
            },
            var kind => throw new InvalidDataException($"Unknown node kind {kind}."),
        };
        return node with
        {
            Description = Description, Tags = Tags ?? [], Source = Source, PrivateTo = PrivateTo, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }

    private T Parse<T>(string? name) where T : struct, Enum =>
        name is null ? throw Missing(typeof(T).Name) : Enum.Parse<T>(name);

    private InvalidDataException Missing(string field) => new($"The stored {Kind} '{Id}' has no {field}.");
}
