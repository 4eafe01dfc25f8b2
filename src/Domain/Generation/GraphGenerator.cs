using CoopGraph.Domain.Analytics;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Generation;

/// <summary>
/// Draws a plausible graph of public action, the same for the same scale and seed on any machine.
/// <para>The model. Territories: regions ⊃ départements ⊃ communes. Authorities: every region, département and
/// commune, plus one intercommunality per 30 communes (the communes are PART_OF it), and one university hospital
/// per département. Services: 6–10 for regions, départements and intercommunalities, 1–3 for communes, each in one
/// domain, each working on themes mostly of its own domain. Themes: 60 across the 17 domains, with Zipf popularity.
/// SSE organisations: located in communes, 1–3 themes each. Universities and research labs: a few per département
/// (labs MEMBER_OF their university); one innovation lab per region, HOSTED_BY it.</para>
/// <para>Cooperation. Each actor seeks a geometric number of partners (mean <see cref="GeneratorScale.CooperationsPerActor"/>):
/// 55% among actors of its département sharing one of its themes, 25% anywhere in its département, 12% among actors
/// sharing a theme anywhere, 8% at random. Services look mostly in their own domain (the silo tendency), which the
/// theme choice reproduces. Links start between 2005 and 2025; 15% have ended.</para>
/// <para>Policies: 2–5 per region, département and intercommunality, owned by one of its services, targeting 1–3
/// themes, each instrument equally likely. Calls for projects draw 5–20 applicants from the owner's territory among
/// actors working on a targeted theme; about a third of them win and are FUNDED. Subsidies and contracts fund 3–10 actors.</para>
/// </summary>
public sealed class GraphGenerator(GeneratorScale scale, ulong seed = 2026)
{
    private const int FirstYear = 2005;
    private const int LastYear = 2025;
    private readonly SplitMix64 _random = new(seed);
    private readonly List<string> _themes = [];
    private readonly List<PolicyDomain> _themeDomains = [];
    private double[] _themeWeights = [];
    private readonly List<ActorInfo> _actors = [];
    private readonly Dictionary<int, List<int>> _actorsByDepartement = [];
    private readonly Dictionary<(int Departement, int Theme), List<int>> _actorsByDepartementTheme = [];
    private readonly Dictionary<int, List<int>> _actorsByTheme = [];
    private readonly HashSet<long> _cooperating = [];
    private int _linkCounter;

    private sealed record ActorInfo(string Id, int Departement, int[] Themes, PolicyDomain? Domain);

    /// <summary>Writes the whole graph into <paramref name="sink"/>: every node, then every link.</summary>
    public void Generate(IGraphSink sink)
    {
        var links = new List<Link>();
        var domains = Enum.GetValues<PolicyDomain>();
        for (var t = 0; t < scale.Themes; t++)
        {
            var domain = domains[t % domains.Length];
            _themes.Add($"theme:{t:D3}");
            _themeDomains.Add(domain);
            sink.AddNode(new Theme { Id = _themes[t], Name = $"{ThemeWords[t % ThemeWords.Length]} {t / ThemeWords.Length + 1}", Domain = domain, Source = Source });
        }
        // Zipf popularity: theme t is chosen with weight 1/(t+1).
        _themeWeights = Enumerable.Range(0, scale.Themes).Select(t => 1.0 / (t + 1)).ToArray();

        var country = Territory(sink, "terr:fr", "FR", "France", TerritoryLevel.Country, null);
        var departementIndex = 0;
        var policyOwners = new List<(string Service, int Departement, string Territory)>();
        for (var r = 0; r < scale.Regions; r++)
        {
            var regionCode = $"R{r + 1:D2}";
            var regionTerritory = Territory(sink, $"terr:{regionCode}", regionCode, $"Région {r + 1}", TerritoryLevel.Region, country);
            var region = Authority(sink, links, $"auth:{regionCode}", $"Région {r + 1}", AuthorityLevel.Region, regionCode, regionTerritory, null, -1);
            policyOwners.AddRange(Services(sink, links, region, regionCode, 6, 10, -1).Select(s => (s, -1, regionTerritory)));
            var lab = $"lab:{regionCode}";
            sink.AddNode(new InnovationLab { Id = lab, Name = $"Laboratoire d'innovation publique {r + 1}", Source = Source });
            links.Add(NewLink(LinkType.HostedBy, lab, region));
            links.Add(NewLink(LinkType.LocatedIn, lab, regionTerritory));
            var labThemes = PickThemes(2, null);
            AddWorksOn(links, lab, labThemes);
            RegisterActor(lab, -1, labThemes, null);
            for (var d = 0; d < scale.DepartementsPerRegion; d++, departementIndex++)
            {
                var depCode = $"D{departementIndex + 1:D3}";
                var depTerritory = Territory(sink, $"terr:{depCode}", depCode, $"Département {departementIndex + 1}", TerritoryLevel.Departement, regionTerritory);
                var departement = Authority(sink, links, $"auth:{depCode}", $"Département {departementIndex + 1}", AuthorityLevel.Departement, depCode, depTerritory, null, departementIndex);
                policyOwners.AddRange(Services(sink, links, departement, depCode, 6, 10, departementIndex).Select(s => (s, departementIndex, depTerritory)));
                var hospital = Authority(sink, links, $"auth:chu-{depCode}", $"CHU {departementIndex + 1}", AuthorityLevel.Hospital, null, depTerritory, null, departementIndex);
                Services(sink, links, hospital, $"chu-{depCode}", 2, 4, departementIndex);
                Universities(sink, links, departementIndex, depCode, depTerritory);
                string? intercommunality = null;
                for (var c = 0; c < scale.CommunesPerDepartement; c++)
                {
                    if (c % 30 == 0)
                    {
                        var epciCode = $"{depCode}-E{c / 30 + 1:D2}";
                        intercommunality = Authority(sink, links, $"auth:{epciCode}", $"Communauté {epciCode}", AuthorityLevel.Intercommunality, epciCode, depTerritory, null, departementIndex);
                        policyOwners.AddRange(Services(sink, links, intercommunality, epciCode, 6, 9, departementIndex).Select(s => (s, departementIndex, depTerritory)));
                    }
                    var communeCode = $"{depCode}{c + 1:D3}";
                    var communeTerritory = Territory(sink, $"terr:{communeCode}", communeCode, $"Commune {communeCode}", TerritoryLevel.Commune, depTerritory);
                    var commune = Authority(sink, links, $"auth:{communeCode}", $"Commune {communeCode}", AuthorityLevel.Commune, communeCode, communeTerritory, intercommunality, departementIndex);
                    Services(sink, links, commune, communeCode, 1, 3, departementIndex);
                    var sseCount = Poisson(scale.SsePerCommune);
                    for (var s = 0; s < sseCount; s++)
                    {
                        var id = $"sse:{communeCode}-{s + 1}";
                        sink.AddNode(new SseActor { Id = id, Name = $"{SseWords[_random.NextInt(SseWords.Length)]} {communeCode}-{s + 1}", LegalForm = LegalForms[_random.NextInt(LegalForms.Length)], Source = Source });
                        links.Add(NewLink(LinkType.LocatedIn, id, communeTerritory));
                        var themes = PickThemes(1 + _random.NextInt(3), null);
                        AddWorksOn(links, id, themes);
                        RegisterActor(id, departementIndex, themes, null);
                    }
                }
            }
        }

        var policies = Policies(sink, links, policyOwners);
        foreach (var link in links)
        {
            sink.AddLink(link);
        }
        links.Clear();
        Cooperation(sink);
        Applications(sink, policies);
    }

    private string Territory(IGraphSink sink, string id, string code, string name, TerritoryLevel level, string? parent)
    {
        sink.AddNode(new Territory { Id = id, Code = code, Name = name, Level = level, ParentId = parent, Source = Source });
        return id;
    }

    private string Authority(IGraphSink sink, List<Link> links, string id, string name, AuthorityLevel level, string? code, string territory, string? parent, int departement)
    {
        sink.AddNode(new Authority { Id = id, Name = name, Level = level, Code = code, Population = level == AuthorityLevel.Hospital ? null : 1_000 + _random.NextInt(200_000), Source = Source });
        links.Add(NewLink(LinkType.LocatedIn, id, territory));
        if (parent is not null)
        {
            links.Add(NewLink(LinkType.PartOf, id, parent));
        }
        var themes = PickThemes(1, null);
        AddWorksOn(links, id, themes);
        RegisterActor(id, departement, themes, null);
        return id;
    }

    private List<string> Services(IGraphSink sink, List<Link> links, string authority, string code, int min, int max, int departement)
    {
        var domains = Enum.GetValues<PolicyDomain>().OrderBy(_ => _random.Next()).Take(min + _random.NextInt(max - min + 1)).ToList();
        var ids = new List<string>();
        foreach (var domain in domains)
        {
            var id = $"svc:{code}-{domain.ToString().ToLowerInvariant()}";
            sink.AddNode(new Service { Id = id, Name = $"Direction {domain} {code}", Domain = domain, Source = Source });
            links.Add(NewLink(LinkType.PartOf, id, authority));
            var themes = PickThemes(1 + _random.NextInt(2), domain);
            AddWorksOn(links, id, themes);
            RegisterActor(id, departement, themes, domain);
            ids.Add(id);
        }
        return ids;
    }

    private void Universities(IGraphSink sink, List<Link> links, int departement, string depCode, string territory)
    {
        var university = $"uni:{depCode}";
        sink.AddNode(new University { Id = university, Name = $"Université {depCode}", UniversityKind = UniversityKind.University, Source = Source });
        links.Add(NewLink(LinkType.LocatedIn, university, territory));
        RegisterActor(university, departement, PickThemes(2, PolicyDomain.Research), null);
        AddWorksOn(links, university, _actors[^1].Themes);
        for (var l = 0; l < 2 + _random.NextInt(4); l++)
        {
            var lab = $"uni:{depCode}-lab{l + 1}";
            sink.AddNode(new University { Id = lab, Name = $"Laboratoire {depCode}-{l + 1}", UniversityKind = UniversityKind.ResearchLab, Source = Source });
            links.Add(NewLink(LinkType.LocatedIn, lab, territory));
            links.Add(NewLink(LinkType.MemberOf, lab, university));
            var themes = PickThemes(2, null);
            AddWorksOn(links, lab, themes);
            RegisterActor(lab, departement, themes, null);
        }
    }

    private List<(string Id, Instrument Instrument, int Departement, int[] Themes)> Policies(IGraphSink sink, List<Link> links, List<(string Service, int Departement, string Territory)> owners)
    {
        var policies = new List<(string, Instrument, int, int[])>();
        var instruments = Enum.GetValues<Instrument>();
        var byAuthority = owners.GroupBy(o => o.Service[..o.Service.LastIndexOf('-')]).ToList();
        foreach (var group in byAuthority)
        {
            var services = group.ToList();
            for (var p = 0; p < 2 + _random.NextInt(4); p++)
            {
                var owner = services[_random.NextInt(services.Count)];
                var id = $"pol:{group.Key[4..]}-{p + 1}";
                var instrument = instruments[_random.NextInt(instruments.Length)];
                var themes = PickThemes(1 + _random.NextInt(3), null);
                sink.AddNode(new Policy
                {
                    Id = id, Name = $"Programme {group.Key[4..]}-{p + 1}", Instrument = instrument,
                    Domains = themes.Select(t => _themeDomains[t]).Distinct().Order().ToList(),
                    Budget = 10_000 * (1 + _random.NextInt(500)), Start = new DateOnly(FirstYear + _random.NextInt(LastYear - FirstYear), 1, 1), Source = Source,
                });
                links.Add(NewLink(LinkType.Owns, owner.Service, id));
                foreach (var theme in themes)
                {
                    links.Add(NewLink(LinkType.Targets, id, _themes[theme]));
                }
                policies.Add((id, instrument, owner.Departement, themes));
            }
        }
        return policies;
    }

    private void Cooperation(IGraphSink sink)
    {
        var chance = 1.0 / (1.0 + scale.CooperationsPerActor);
        for (var a = 0; a < _actors.Count; a++)
        {
            var actor = _actors[a];
            // Geometric number of attempts with the configured mean.
            var attempts = 0;
            while (_random.NextDouble() > chance)
            {
                attempts++;
            }
            for (var k = 0; k < attempts; k++)
            {
                var partner = ChoosePartner(actor);
                if (partner < 0 || partner == a || !_cooperating.Add(PairKey(a, partner)))
                {
                    continue;
                }
                var since = FirstYear + _random.NextInt(LastYear - FirstYear + 1);
                DateOnly? until = _random.NextDouble() < 0.15 ? new DateOnly(Math.Min(LastYear, since + 1 + _random.NextInt(6)), 12, 31) : null;
                var (source, target) = string.CompareOrdinal(actor.Id, _actors[partner].Id) < 0 ? (actor.Id, _actors[partner].Id) : (_actors[partner].Id, actor.Id);
                sink.AddLink(new Link
                {
                    Id = $"gen:{++_linkCounter}", Type = LinkType.CooperatesWith, SourceId = source, TargetId = target,
                    CooperationKind = CooperationKinds[_random.NextInt(CooperationKinds.Length)], Intensity = 1 + _random.NextInt(5),
                    Since = new DateOnly(since, 1, 1), Until = until, Source = Source,
                });
            }
        }
    }

    private int ChoosePartner(ActorInfo actor)
    {
        var roll = _random.NextDouble();
        var theme = actor.Themes[_random.NextInt(actor.Themes.Length)];
        List<int>? pool = roll switch
        {
            < 0.55 => _actorsByDepartementTheme.GetValueOrDefault((actor.Departement, theme)),
            < 0.80 => _actorsByDepartement.GetValueOrDefault(actor.Departement),
            < 0.92 => _actorsByTheme.GetValueOrDefault(theme),
            _ => null,
        };
        return pool is { Count: > 1 } ? pool[_random.NextInt(pool.Count)] : _random.NextInt(_actors.Count);
    }

    private void Applications(IGraphSink sink, List<(string Id, Instrument Instrument, int Departement, int[] Themes)> policies)
    {
        foreach (var (id, instrument, departement, themes) in policies)
        {
            var year = 2015 + _random.NextInt(11);
            var candidates = themes.SelectMany(t => departement >= 0
                ? _actorsByDepartementTheme.GetValueOrDefault((departement, t)) ?? []
                : _actorsByTheme.GetValueOrDefault(t) ?? []).Distinct().ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            var count = instrument == Instrument.CallForProjects ? 5 + _random.NextInt(16) : 3 + _random.NextInt(8);
            var chosen = Enumerable.Range(0, count).Select(_ => candidates[_random.NextInt(candidates.Count)]).Distinct().Order().ToList();
            foreach (var actor in chosen)
            {
                var actorId = _actors[actor].Id;
                if (instrument == Instrument.CallForProjects)
                {
                    var won = _random.NextDouble() < 0.35;
                    sink.AddLink(new Link { Id = $"gen:{++_linkCounter}", Type = LinkType.AppliedTo, SourceId = actorId, TargetId = id, Year = year, Outcome = won ? ApplicationOutcome.Won : ApplicationOutcome.Lost, Source = Source });
                    if (won)
                    {
                        sink.AddLink(new Link { Id = $"gen:{++_linkCounter}", Type = LinkType.Funds, SourceId = id, TargetId = actorId, Instrument = instrument, Amount = 5_000 * (1 + _random.NextInt(40)), Year = year, Source = Source });
                    }
                }
                else
                {
                    sink.AddLink(new Link { Id = $"gen:{++_linkCounter}", Type = LinkType.Funds, SourceId = id, TargetId = actorId, Instrument = instrument, Amount = 5_000 * (1 + _random.NextInt(40)), Year = year, Source = Source });
                    if (_random.NextDouble() < 0.2)
                    {
                        sink.AddLink(new Link { Id = $"gen:{++_linkCounter}", Type = LinkType.Implements, SourceId = actorId, TargetId = id, Source = Source });
                    }
                }
            }
        }
    }

    private void RegisterActor(string id, int departement, int[] themes, PolicyDomain? domain)
    {
        var index = _actors.Count;
        _actors.Add(new ActorInfo(id, departement, themes.Length == 0 ? [PickTheme(null)] : themes, domain));
        Add(_actorsByDepartement, departement, index);
        foreach (var theme in _actors[index].Themes)
        {
            Add(_actorsByDepartementTheme, (departement, theme), index);
            Add(_actorsByTheme, theme, index);
        }
    }

    private void AddWorksOn(List<Link> links, string actor, int[] themes)
    {
        foreach (var theme in themes)
        {
            links.Add(NewLink(LinkType.WorksOn, actor, _themes[theme]));
        }
    }

    /// <summary>Distinct themes by popularity; with a domain, mostly (4 in 5) themes of that domain.</summary>
    private int[] PickThemes(int count, PolicyDomain? domain)
    {
        var chosen = new SortedSet<int>();
        for (var guard = 0; chosen.Count < count && guard < 50; guard++)
        {
            chosen.Add(PickTheme(domain is { } d && _random.NextDouble() < 0.8 ? d : null));
        }
        return [.. chosen];
    }

    private int PickTheme(PolicyDomain? domain)
    {
        var candidates = Enumerable.Range(0, _themes.Count).Where(t => domain is null || _themeDomains[t] == domain).ToArray();
        var total = candidates.Sum(t => _themeWeights[t]);
        var roll = _random.NextDouble() * total;
        foreach (var t in candidates)
        {
            roll -= _themeWeights[t];
            if (roll <= 0)
            {
                return t;
            }
        }
        return candidates[^1];
    }

    private int Poisson(double mean)
    {
        // Knuth's method is fine for the small means used here.
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = _random.NextDouble(); p > limit; p *= _random.NextDouble())
        {
            k++;
        }
        return k;
    }

    private Link NewLink(LinkType type, string source, string target) =>
        new() { Id = $"gen:{++_linkCounter}", Type = type, SourceId = source, TargetId = target, Source = Source };

    private static long PairKey(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(value);
    }

    private const string Source = "coopgraph-generator";
    private static readonly LegalForm[] LegalForms = [LegalForm.Association, LegalForm.Association, LegalForm.Association, LegalForm.Cooperative, LegalForm.Mutual, LegalForm.Foundation, LegalForm.SocialEnterprise];
    private static readonly CooperationKind[] CooperationKinds = Enum.GetValues<CooperationKind>();
    private static readonly string[] ThemeWords = ["Mobilité", "Alimentation", "Isolement", "Logement", "Insertion", "Culture", "Santé", "Numérique", "Climat", "Jeunesse", "Sport", "Éducation"];
    private static readonly string[] SseWords = ["Association", "Coopérative", "Atelier", "Collectif", "Maison", "Réseau", "Épicerie", "Régie", "Tiers-lieu"];
}
