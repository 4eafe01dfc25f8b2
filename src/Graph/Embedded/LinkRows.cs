using CoopGraph.Domain.Model;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

/// <summary>Maps links to and from the columns of the <c>links</c> table.</summary>
internal static class LinkRows
{
    public const string Columns =
        "l.id, l.type, l.source_id, l.target_id, l.since, l.until, l.note, l.source, l.coop_kind, l.intensity, " +
        "l.instrument, l.amount, l.year, l.outcome, l.seq, l.private_to, l.domain, l.stage";

    public const int SeqOrdinal = 14;

    private const string Insert =
        """
        INSERT INTO links (id, type, source_id, target_id, since, until, note, source, coop_kind, intensity, instrument, amount, year, outcome, private_to, domain, stage)
        VALUES (@id, @type, @source_id, @target_id, @since, @until, @note, @source, @coop_kind, @intensity, @instrument, @amount, @year, @outcome, @private_to, @domain, @stage)
        """;

    /// <summary>For links known to be new: no conflict clause, which SQLite accepts only when a unique index on id exists.</summary>
    public const string InsertNew = Insert;

    public const string Upsert = Insert +
        """

        ON CONFLICT (id) DO UPDATE SET
            source_id = excluded.source_id, target_id = excluded.target_id, since = excluded.since, until = excluded.until,
            note = excluded.note, source = excluded.source, coop_kind = excluded.coop_kind, intensity = excluded.intensity,
            instrument = excluded.instrument, amount = excluded.amount, year = excluded.year, outcome = excluded.outcome,
            private_to = excluded.private_to, domain = excluded.domain, stage = excluded.stage
        """;

    /// <summary>For links implied by a relation field: an existing link keeps what upsertLinks gave it.</summary>
    public const string InsertIfMissing = Insert + "\nON CONFLICT (id) DO NOTHING";

    /// <summary>The parameters of <see cref="Upsert"/> and <see cref="InsertIfMissing"/>, in the order <see cref="Bind"/> sets them.</summary>
    public static readonly IReadOnlyList<string> Parameters =
    [
        "@id", "@type", "@source_id", "@target_id", "@since", "@until", "@note", "@source", "@coop_kind", "@intensity",
        "@instrument", "@amount", "@year", "@outcome", "@private_to", "@domain", "@stage",
    ];

    public static void Bind(EncodedRows row, Link link)
    {
        row[0] = link.Id;
        row[1] = LinkTypeNames.ToConstant(link.Type);
        row[2] = link.SourceId;
        row[3] = link.TargetId;
        row[4] = Db(link.Since);
        row[5] = Db(link.Until);
        row[6] = link.Note;
        row[7] = link.Source;
        row[8] = DbEnum(link.CooperationKind);
        row[9] = link.Intensity;
        row[10] = DbEnum(link.Instrument);
        row[11] = Db(link.Amount);
        row[12] = link.Year;
        row[13] = DbEnum(link.Outcome);
        row[14] = link.PrivateTo;
        row[15] = DbEnum(link.Domain);
        row[16] = DbEnum(link.Stage);
    }

    /// <summary>
    /// The columns <see cref="ReadTopology"/> reads: the type as its number and the dates as day numbers, computed by
    /// SQLite, so that ten million rows do not allocate and parse thirty million short strings.
    /// </summary>
    public static readonly string TopologyColumns =
        "l.id, CASE l.type " + string.Concat(Enum.GetValues<LinkType>().Select(t => $"WHEN '{LinkTypeNames.ToConstant(t)}' THEN {(int)t} ")) + "END, " +
        "l.source_id, l.target_id, " + DayNumber("l.since") + ", " + DayNumber("l.until") + ", l.private_to, " +
        // A funding's figures travel with the topology (money is analysed on the projection); other links have none.
        "CASE l.type WHEN 'FUNDS' THEN l.instrument END, CASE l.type WHEN 'FUNDS' THEN l.amount END, CASE l.type WHEN 'FUNDS' THEN l.year END, CASE l.type WHEN 'FUNDS' THEN l.domain END";

    // julianday('0001-01-01') is 1721425.5: the difference is DateOnly.DayNumber.
    private static string DayNumber(string column) => $"CAST(julianday({column}) - 1721425.5 AS INTEGER)";

    /// <summary>A link with only its id, type, ends, dates, privacy and a funding's figures, for an <see cref="ITopologySink"/>.</summary>
    public static Link ReadTopology(SqliteDataReader r) => new()
    {
        Instrument = r.Enum<Instrument>(7),
        Amount = r.Decimal(8),
        Year = r.Int(9),
        Domain = r.Enum<PolicyDomain>(10),
        Id = r.GetString(0),
        Type = (LinkType)r.GetInt32(1),
        SourceId = r.GetString(2),
        TargetId = r.GetString(3),
        Since = r.IsDBNull(4) ? null : DateOnly.FromDayNumber(r.GetInt32(4)),
        Until = r.IsDBNull(5) ? null : DateOnly.FromDayNumber(r.GetInt32(5)),
        PrivateTo = r.Text(6),
    };

    public static Link Read(SqliteDataReader r, int offset = 0) => new()
    {
        Id = r.GetString(offset),
        Type = LinkTypeNames.Parse(r.GetString(offset + 1)),
        SourceId = r.GetString(offset + 2),
        TargetId = r.GetString(offset + 3),
        Since = r.Date(offset + 4),
        Until = r.Date(offset + 5),
        Note = r.Text(offset + 6),
        Source = r.Text(offset + 7),
        CooperationKind = r.Enum<CooperationKind>(offset + 8),
        Intensity = r.Int(offset + 9),
        Instrument = r.Enum<Instrument>(offset + 10),
        Amount = r.Decimal(offset + 11),
        Year = r.Int(offset + 12),
        Outcome = r.Enum<ApplicationOutcome>(offset + 13),
        PrivateTo = r.Text(offset + 15),
        Domain = r.Enum<PolicyDomain>(offset + 16),
        Stage = r.Enum<InvolvementStage>(offset + 17),
    };
}
