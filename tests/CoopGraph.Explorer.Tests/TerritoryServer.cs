using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Explorer.Tests;

/// <summary>
/// The explorer on a graph as open data alone makes it: no demo, no authority's services, and one département holding
/// 1,994 associations, its own authority and five programmes — 2,000 nodes — linked by grants and cooperation.
/// </summary>
public sealed class TerritoryServer : ExplorerServer
{
    public const string Region = "Val-de-Loirette";
    public const string Departement = "Monts-d'Azur";
    public const string DepartementId = "test:territory:D91";
    public const int Associations = 1_994;
    public const int Communes = 40;

    protected override bool SeedsDemo => false;

    protected override async Task SeedAsync()
    {
        var nodes = new List<NodeUpsert>
        {
            Upsert(new Territory { Id = "test:territory:FR", Name = "France", Code = "FR", Level = TerritoryLevel.Country }),
            Upsert(new Territory { Id = "test:territory:R91", Name = Region, Code = "R91", Level = TerritoryLevel.Region, ParentId = "test:territory:FR" }),
            Upsert(new Territory { Id = DepartementId, Name = Departement, Code = "D91", Level = TerritoryLevel.Departement, ParentId = "test:territory:R91" }),
            Upsert(new Authority { Id = "test:authority:D91", Name = $"Département des {Departement}", Level = AuthorityLevel.Departement }, "D91"),
        };
        for (var c = 1; c <= Communes; c++)
        {
            nodes.Add(Upsert(new Territory { Id = $"test:territory:91{c:000}", Name = $"Saint-Essai-{c}", Code = $"91{c:000}", Level = TerritoryLevel.Commune, ParentId = DepartementId }));
        }
        for (var p = 1; p <= 5; p++)
        {
            nodes.Add(Upsert(new Policy { Id = $"test:programme:{p}", Name = $"Programme {p}", Instrument = Instrument.Subsidy }));
        }
        var links = new List<LinkUpsert>();
        for (var a = 0; a < Associations; a++)
        {
            nodes.Add(Upsert(new SseActor { Id = Actor(a), Name = $"Association {a + 1}", LegalForm = LegalForm.Association }, $"91{a % Communes + 1:000}"));
            if (a % 3 == 0)
            {
                links.Add(Link(LinkType.Funds, $"test:programme:{a % 5 + 1}", Actor(a), links.Count));
            }
            if (a % 2 == 0 && a + 1 < Associations)
            {
                links.Add(Link(LinkType.CooperatesWith, Actor(a), Actor(a + 1), links.Count));
            }
            if (a % 7 == 0 && a + 7 < Associations)
            {
                links.Add(Link(LinkType.CooperatesWith, Actor(a), Actor(a + 7), links.Count));
            }
        }
        var written = await Services.GetRequiredService<IGraphStore>().WriteAsync(new GraphBatch { Nodes = nodes, Links = links }, CancellationToken.None);
        if (!written.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", written.Errors.Select(e => e.Message)));
        }
    }

    private static string Actor(int index) => $"test:sse:{index:0000}";

    private static NodeUpsert Upsert(Node node, string? territoryCode = null) => new(node, ["nodes", node.Id])
    {
        Relations = territoryCode is null ? [] : [new RelationSet(LinkType.LocatedIn, "territoryCode", [territoryCode], RefsAreTerritoryCodes: true)],
    };

    private static LinkUpsert Link(LinkType type, string source, string target, int index) =>
        new(new Link { Id = $"test:link:{index}", Type = type, SourceId = source, TargetId = target, Year = type == LinkType.Funds ? 2024 : null }, true, ["links", index]);
}
