using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;

namespace CoopGraph.Domain.Tests;

/// <summary>Builds small projections by hand, so that each analytics definition can be checked on a graph one can draw.</summary>
public sealed class TinyGraph
{
    private readonly List<Node> _nodes = [];
    private readonly List<Link> _links = [];

    public TinyGraph Authority(string id) => Add(new Authority { Id = id, Name = id, Level = AuthorityLevel.Commune });

    public TinyGraph Service(string id, string authority, PolicyDomain domain, params string[] themes)
    {
        Add(new Service { Id = id, Name = id, Domain = domain });
        Link(LinkType.PartOf, id, authority);
        return WorksOn(id, themes);
    }

    public TinyGraph Sse(string id, params string[] themes) => Add(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }).WorksOn(id, themes);

    public TinyGraph Lab(string id) => Add(new InnovationLab { Id = id, Name = id });

    public TinyGraph University(string id, params string[] themes) =>
        Add(new University { Id = id, Name = id, UniversityKind = UniversityKind.University }).WorksOn(id, themes);

    /// <summary>A public lycée run by an authority (PART_OF it).</summary>
    public TinyGraph Lycee(string id, string authority) =>
        Add(new Establishment { Id = id, Name = id, Category = EstablishmentCategory.Lycee, Public = true }).Link(LinkType.PartOf, id, authority);

    public TinyGraph Theme(string id, PolicyDomain domain) => Add(new Theme { Id = id, Name = id, Domain = domain });

    public TinyGraph Territory(string id, string code, string? parent = null) =>
        Add(new Territory { Id = id, Name = id, Code = code, Level = TerritoryLevel.Commune, ParentId = parent });

    public TinyGraph Policy(string id, Instrument instrument) => Add(new Policy { Id = id, Name = id, Instrument = instrument });

    public TinyGraph Cooperate(string a, string b, int? since = null, int? until = null) =>
        Link(LinkType.CooperatesWith, a, b, since is { } s ? new DateOnly(s, 1, 1) : null, until is { } u ? new DateOnly(u, 12, 31) : null);

    public TinyGraph Link(LinkType type, string source, string target, DateOnly? since = null, DateOnly? until = null)
    {
        var (s, t) = LinkRules.CanonicalEnds(type, source, target);
        _links.Add(new Link { Id = $"{type}:{s}:{t}:{_links.Count}", Type = type, SourceId = s, TargetId = t, Since = since, Until = until });
        return this;
    }

    public TinyGraph Funds(string funder, string beneficiary, decimal? amount, int year, Instrument instrument = Instrument.Subsidy, PolicyDomain? domain = null)
    {
        _links.Add(new Link
        {
            Id = $"funds:{_links.Count}", Type = LinkType.Funds, SourceId = funder, TargetId = beneficiary, Amount = amount, Year = year, Instrument = instrument, Domain = domain,
        });
        return this;
    }

    public TinyGraph PolicyOf(string id, string owner, params PolicyDomain[] domains) => PolicyOf(id, owner, Instrument.Subsidy, domains);

    public TinyGraph PolicyOf(string id, string owner, Instrument instrument, params PolicyDomain[] domains)
    {
        Add(new Policy { Id = id, Name = id, Instrument = instrument, Domains = domains });
        return Link(LinkType.Owns, owner, id);
    }

    public TinyGraph WorksOn(string actor, params string[] themes)
    {
        foreach (var theme in themes)
        {
            Link(LinkType.WorksOn, actor, theme);
        }
        return this;
    }

    public GraphProjection Build()
    {
        var builder = new ProjectionBuilder();
        _nodes.ForEach(builder.AddNode);
        _links.ForEach(builder.AddLink);
        return builder.Build(1, DateTimeOffset.UnixEpoch);
    }

    private TinyGraph Add(Node node)
    {
        _nodes.Add(node);
        return this;
    }
}
