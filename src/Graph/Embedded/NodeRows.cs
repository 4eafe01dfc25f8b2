using System.Text.Json;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.Storage;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

/// <summary>Nodes to and from the columns of the <c>nodes</c> table, through <see cref="NodeFields"/>.</summary>
internal static class NodeRows
{
    /// <summary>The column list every node query selects, in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "n.id, n.kind, n.name, n.description, n.tags, n.source, n.domains, n.level, n.code, n.population, " +
        "n.legal_form, n.siren, n.university_kind, n.instrument, n.budget, n.start_date, n.end_date, n.parent_id, " +
        "n.created_at, n.updated_at, n.seq, n.private_to";

    public const int SeqOrdinal = 20;

    private const string Insert =
        """
        INSERT INTO nodes (id, kind, name, description, tags, source, domains, level, code, population, legal_form, siren,
                           university_kind, instrument, budget, start_date, end_date, parent_id, created_at, updated_at, private_to)
        VALUES (@id, @kind, @name, @description, @tags, @source, @domains, @level, @code, @population, @legal_form, @siren,
                @university_kind, @instrument, @budget, @start_date, @end_date, @parent_id, @now, @now, @private_to)
        """;

    public const string InsertIfMissing = Insert + "\nON CONFLICT (id) DO NOTHING";

    public const string Upsert = Insert +
        """

        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, description = excluded.description, tags = excluded.tags, source = excluded.source,
            domains = excluded.domains, level = excluded.level, code = excluded.code, population = excluded.population,
            legal_form = excluded.legal_form, siren = excluded.siren, university_kind = excluded.university_kind,
            instrument = excluded.instrument, budget = excluded.budget, start_date = excluded.start_date,
            end_date = excluded.end_date, parent_id = excluded.parent_id, updated_at = excluded.updated_at,
            private_to = excluded.private_to
        """;

    /// <summary>The parameters of <see cref="Upsert"/> and <see cref="InsertIfMissing"/>, in the order <see cref="Bind"/> sets them.</summary>
    public static readonly IReadOnlyList<string> Parameters =
    [
        "@id", "@kind", "@name", "@description", "@tags", "@source", "@domains", "@now", "@level", "@code", "@population",
        "@legal_form", "@siren", "@university_kind", "@instrument", "@budget", "@start_date", "@end_date", "@parent_id",
        "@private_to",
    ];

    public static void Bind(EncodedRows row, Node node)
    {
        var f = NodeFields.Of(node);
        row[0] = f.Id;
        row[1] = f.Kind.ToString();
        row[2] = f.Name;
        row[3] = f.Description;
        row[4] = f.Tags.Count == 0 ? "[]" : JsonSerializer.Serialize(f.Tags);
        row[5] = f.Source;
        row[6] = f.Domains.Bits;
        row[7] = EncodedRows.WriteTime;
        row[8] = f.Level;
        row[9] = f.Code;
        row[10] = f.Population;
        row[11] = f.LegalForm;
        row[12] = f.Siren;
        row[13] = f.UniversityKind;
        row[14] = f.Instrument;
        row[15] = Db(f.Budget);
        row[16] = Db(f.Start);
        row[17] = Db(f.End);
        row[18] = f.ParentId;
        row[19] = f.PrivateTo;
    }

    public static Node Read(SqliteDataReader r) => new NodeFields
    {
        Id = r.GetString(0),
        Kind = Enum.Parse<NodeKind>(r.GetString(1)),
        Name = r.GetString(2),
        Description = r.Text(3),
        Tags = JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [],
        Source = r.Text(5),
        Domains = new DomainSet(r.GetInt32(6)),
        Level = r.Text(7),
        Code = r.Text(8),
        Population = r.Long(9),
        LegalForm = r.Text(10),
        Siren = r.Text(11),
        UniversityKind = r.Text(12),
        Instrument = r.Text(13),
        Budget = r.Decimal(14),
        Start = r.Date(15),
        End = r.Date(16),
        ParentId = r.Text(17),
        CreatedAt = r.Instant(18),
        UpdatedAt = r.Instant(19),
        PrivateTo = r.Text(21),
    }.ToNode();
}
