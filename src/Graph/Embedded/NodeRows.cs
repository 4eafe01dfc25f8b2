using System.Text.Json;
using CoopGraph.Domain.Model;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

/// <summary>Maps nodes to and from the columns of the <c>nodes</c> table, one kind at a time.</summary>
internal static class NodeRows
{
    /// <summary>The column list every node query selects, in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "n.id, n.kind, n.name, n.description, n.tags, n.source, n.domains, n.level, n.code, n.population, " +
        "n.legal_form, n.siren, n.university_kind, n.instrument, n.budget, n.start_date, n.end_date, n.parent_id, " +
        "n.created_at, n.updated_at, n.seq";

    public const int SeqOrdinal = 20;

    private const string Insert =
        """
        INSERT INTO nodes (id, kind, name, description, tags, source, domains, level, code, population, legal_form, siren,
                           university_kind, instrument, budget, start_date, end_date, parent_id, created_at, updated_at)
        VALUES (@id, @kind, @name, @description, @tags, @source, @domains, @level, @code, @population, @legal_form, @siren,
                @university_kind, @instrument, @budget, @start_date, @end_date, @parent_id, @now, @now)
        """;

    public const string InsertIfMissing = Insert + "\nON CONFLICT (id) DO NOTHING";

    public const string Upsert = Insert +
        """

        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, description = excluded.description, tags = excluded.tags, source = excluded.source,
            domains = excluded.domains, level = excluded.level, code = excluded.code, population = excluded.population,
            legal_form = excluded.legal_form, siren = excluded.siren, university_kind = excluded.university_kind,
            instrument = excluded.instrument, budget = excluded.budget, start_date = excluded.start_date,
            end_date = excluded.end_date, parent_id = excluded.parent_id, updated_at = excluded.updated_at
        """;

    /// <summary>The parameters of <see cref="Upsert"/> and <see cref="InsertIfMissing"/>, in the order <see cref="Bind"/> sets them.</summary>
    public static readonly IReadOnlyList<string> Parameters =
    [
        "@id", "@kind", "@name", "@description", "@tags", "@source", "@domains", "@now", "@level", "@code", "@population",
        "@legal_form", "@siren", "@university_kind", "@instrument", "@budget", "@start_date", "@end_date", "@parent_id",
    ];

    public static void Bind(EncodedRows row, Node node)
    {
        row[0] = node.Id;
        row[1] = node.Kind.ToString();
        row[2] = node.Name;
        row[3] = node.Description;
        row[4] = node.Tags.Count == 0 ? "[]" : JsonSerializer.Serialize(node.Tags);
        row[5] = node.Source;
        row[6] = node.OwnDomains.Bits;
        row[7] = EncodedRows.WriteTime;
        object? level = null, code = null, population = null, legalForm = null, siren = null,
            universityKind = null, instrument = null, budget = null, start = null, end = null, parent = null;
        switch (node)
        {
            case Authority a:
                (level, code, population) = (a.Level.ToString(), a.Code, a.Population);
                break;
            case SseActor s:
                (legalForm, siren) = (s.LegalForm.ToString(), s.Siren);
                break;
            case University u:
                universityKind = u.UniversityKind.ToString();
                break;
            case Policy p:
                (instrument, budget, start, end) = (p.Instrument.ToString(), Db(p.Budget), Db(p.Start), Db(p.End));
                break;
            case Territory t:
                (level, code, parent) = (t.Level.ToString(), t.Code, t.ParentId);
                break;
        }
        row[8] = level;
        row[9] = code;
        row[10] = population;
        row[11] = legalForm;
        row[12] = siren;
        row[13] = universityKind;
        row[14] = instrument;
        row[15] = budget;
        row[16] = start;
        row[17] = end;
        row[18] = parent;
    }

    public static Node Read(SqliteDataReader r)
    {
        var id = r.GetString(0);
        var name = r.GetString(2);
        var domains = new DomainSet(r.GetInt32(6));
        Node node = Enum.Parse<NodeKind>(r.GetString(1)) switch
        {
            NodeKind.Authority => new Authority { Id = id, Name = name, Level = r.Enum<AuthorityLevel>(7)!.Value, Code = r.Text(8), Population = r.Long(9) },
            NodeKind.Service => new Service { Id = id, Name = name, Domain = domains.ToList()[0] },
            NodeKind.SseActor => new SseActor { Id = id, Name = name, LegalForm = r.Enum<LegalForm>(10)!.Value, Siren = r.Text(11) },
            NodeKind.University => new University { Id = id, Name = name, UniversityKind = r.Enum<UniversityKind>(12)!.Value },
            NodeKind.InnovationLab => new InnovationLab { Id = id, Name = name },
            NodeKind.Policy => new Policy
            {
                Id = id, Name = name, Domains = domains.ToList(), Instrument = r.Enum<Instrument>(13)!.Value,
                Budget = r.Decimal(14), Start = r.Date(15), End = r.Date(16),
            },
            NodeKind.Theme => new Theme { Id = id, Name = name, Domain = domains.ToList()[0] },
            NodeKind.Territory => new Territory { Id = id, Name = name, Code = r.GetString(8), Level = r.Enum<TerritoryLevel>(7)!.Value, ParentId = r.Text(17) },
            var kind => throw new InvalidOperationException($"Unknown node kind {kind}."),
        };
        return node with
        {
            Description = r.Text(3),
            Tags = JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [],
            Source = r.Text(5),
            CreatedAt = r.Instant(18),
            UpdatedAt = r.Instant(19),
        };
    }
}
