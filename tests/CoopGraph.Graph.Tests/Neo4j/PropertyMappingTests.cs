using System.Globalization;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Neo4j;

namespace CoopGraph.Graph.Tests.Neo4j;

/// <summary>
/// The Neo4j store's mappings, without a server: a node or link written as statement rows, turned into the properties
/// Neo4j keeps (what nodes-upsert.cypher and links-upsert.cypher do: props merged, dates through date(), integers as
/// INTEGER), read back as the Query API returns them, must come back equal.
/// </summary>
public sealed class PropertyMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 17, 20, 41, TimeSpan.Zero);

    /// <summary>What Neo4j stores from one row, as typed JSON gives it back: whole numbers as long, lists as lists, dates as DATE.</summary>
    private static Dictionary<string, object?> Stored(Dictionary<string, object?> row, params string[] dateKeys)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in (IReadOnlyDictionary<string, object?>)row["props"]!)
        {
            if (value is not null)
            {
                stored[key] = Typed(value);
            }
        }
        foreach (var key in row.Keys.Where(k => k is "id" or "seq" or "type" or "sourceId" or "targetId" or "kind"))
        {
            stored[key] = Typed(row[key]);
        }
        foreach (var key in dateKeys)
        {
            if (row[key] is string date)
            {
                stored[key] = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        return stored;
    }

    private static object? Typed(object? value) => value switch
    {
        int i => (long)i,
        IEnumerable<string> list => list.Cast<object?>().ToList(),
        _ => value,
    };

    public static TheoryData<Node> Nodes() =>
    [
        new Authority { Id = "auth:a", Name = "Métropole", Level = AuthorityLevel.Metropolis, Code = "200046977", Population = 1_411_571, Tags = ["lyon", "métropole"], Description = "d", Source = "s" },
        new Service { Id = "svc:s", Name = "Mobilités", Domain = PolicyDomain.Transport, DecisionMaking = true },
        new SseActor { Id = "sse:x", Name = "Coop", LegalForm = LegalForm.Cooperative, Siren = "123456789" },
        new University { Id = "uni:u", Name = "Labo", UniversityKind = UniversityKind.ResearchLab },
        new InnovationLab { Id = "lab:l", Name = "Lab", Founded = new DateOnly(2019, 9, 1) },
        new Organisation { Id = "org:o", Name = "La Poste", Siren = "356000000" },
        new Establishment { Id = "uai:0440001A", Name = "Lycée", Uai = "0440001A", Category = EstablishmentCategory.MultiPurposeLycee, Public = false },
        new Policy { Id = "pol:p", Name = "Plan", Domains = [PolicyDomain.Transport, PolicyDomain.Youth], Instrument = Instrument.CallForProjects, Budget = 1_250_000.50m, Start = new DateOnly(2021, 1, 1), End = new DateOnly(2026, 12, 31) },
        new Theme { Id = "theme:t", Name = "Jeunesse", Domain = PolicyDomain.Youth },
        new Territory { Id = "ter:d", Code = "D69", Name = "Rhône", Level = TerritoryLevel.Departement, ParentId = "ter:r" },
    ];

    [Theory]
    [MemberData(nameof(Nodes))]
    public void ANodeWrittenAndReadBack_IsTheSame(Node node)
    {
        var stored = Stored(NodeMaps.Row(node, seq: 7), "start", "end");
        stored["createdAt"] = Now;
        stored["updatedAt"] = Now;

        var back = NodeMaps.Read(stored);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize<object>(node with { CreatedAt = Now, UpdatedAt = Now }), System.Text.Json.JsonSerializer.Serialize<object>(back));
        Assert.Equal(7, NodeMaps.Seq(stored));
    }

    [Fact]
    public void ANodesAbsentFields_AreWrittenAsNull_SoThatAnUpsertClearsThem()
    {
        var props = (IReadOnlyDictionary<string, object?>)NodeMaps.Row(new SseActor { Id = "a", Name = "A", LegalForm = LegalForm.Association }, 1)["props"]!;

        Assert.True(props.ContainsKey("description") && props["description"] is null);
        Assert.True(props.ContainsKey("siren") && props["siren"] is null);
        Assert.Equal(["kind", "name", "description", "tags", "source", "domains", "level", "code", "population", "legalForm", "siren", "universityKind", "instrument", "budget", "parentId", "privateTo"], props.Keys);
    }

    [Fact]
    public void ALinkWrittenAndReadBack_IsTheSame_AndATopologyReadKeepsOnlyItsShape_AndAFundingsFigures()
    {
        var link = new Link
        {
            Id = "funds-1", Type = LinkType.Funds, SourceId = "auth:a", TargetId = "sse:x", Instrument = Instrument.Subsidy, Amount = 15_000.25m, Year = 2023,
            Since = new DateOnly(2023, 3, 1), Until = new DateOnly(2023, 12, 31), Note = "convention", Source = "budget",
        };
        var coop = new Link { Id = "c", Type = LinkType.CooperatesWith, SourceId = "a", TargetId = "b", CooperationKind = CooperationKind.Network, Intensity = 5 };

        var stored = Stored(LinkMaps.Row(link, seq: 12), "since", "until");
        var storedCoop = Stored(LinkMaps.Row(coop, seq: 13), "since", "until");

        Assert.Equal(link, LinkMaps.Read(stored));
        Assert.Equal(coop, LinkMaps.Read(storedCoop));
        // The projection sums money: a FUNDS link keeps its amount, year and instrument; a cooperation only its shape.
        Assert.Equal(link with { Note = null, Source = null }, LinkMaps.Read(stored, topologyOnly: true));
        Assert.Equal(coop with { CooperationKind = null, Intensity = null }, LinkMaps.Read(storedCoop, topologyOnly: true));
        Assert.Equal(12, LinkMaps.Seq(stored));
    }

    [Fact]
    public void EveryLinkTypeButTheInternalTreeIsListed_ForStatementsThatMustNotSeeIt()
    {
        Assert.Equal(Enum.GetValues<LinkType>().Length, LinkMaps.AllTypes.Count);
        Assert.DoesNotContain("HAS_PARENT", LinkMaps.AllTypes);
        Assert.Equal(["WORKS_ON"], LinkMaps.TypesOrAll([LinkType.WorksOn]));
        Assert.Same(LinkMaps.AllTypes, LinkMaps.TypesOrAll([]));
    }

    [Theory]
    [InlineData("épicerie solid", "epicerie* AND solid*")]
    [InlineData("Écoles d'été", "ecoles* AND d* AND ete*")]
    [InlineData("Œuvre Łódź Straße", "oeuvre* AND lodz* AND strasse*")]
    [InlineData("\" OR name:* NEAR( \\ ~2 ^3 AND", "or* AND name* AND near* AND 2* AND 3* AND and*")]
    public void SearchText_BecomesLucenePrefixTerms_WithNoSyntaxLeft(string typed, string lucene)
    {
        Assert.Equal(lucene, LuceneQuery.From(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\" :* ( ) ~ ^ \\ /")]
    public void SearchTextWithoutWords_IsNoQuery(string typed)
    {
        Assert.Null(LuceneQuery.From(typed));
    }
}
