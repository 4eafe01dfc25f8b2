using CoopGraph.Domain.Model;
using Microsoft.Data.Sqlite;
using static CoopGraph.Graph.Embedded.SqlValues;

namespace CoopGraph.Graph.Embedded;

/// <summary>Maps links to and from the columns of the <c>links</c> table.</summary>
internal static class LinkRows
{
    public const string Columns =
        "l.id, l.type, l.source_id, l.target_id, l.since, l.until, l.note, l.source, l.coop_kind, l.intensity, " +
        "l.instrument, l.amount, l.year, l.outcome, l.seq";

    public const int SeqOrdinal = 14;

    private const string Insert =
        """
        INSERT INTO links (id, type, source_id, target_id, since, until, note, source, coop_kind, intensity, instrument, amount, year, outcome)
        VALUES (@id, @type, @source_id, @target_id, @since, @until, @note, @source, @coop_kind, @intensity, @instrument, @amount, @year, @outcome)
        """;

    public const string Upsert = Insert +
        """

        ON CONFLICT (id) DO UPDATE SET
            source_id = excluded.source_id, target_id = excluded.target_id, since = excluded.since, until = excluded.until,
            note = excluded.note, source = excluded.source, coop_kind = excluded.coop_kind, intensity = excluded.intensity,
            instrument = excluded.instrument, amount = excluded.amount, year = excluded.year, outcome = excluded.outcome
        """;

    /// <summary>For links implied by a relation field: an existing link keeps what upsertLinks gave it.</summary>
    public const string InsertIfMissing = Insert + "\nON CONFLICT (id) DO NOTHING";

    public static void Bind(SqliteCommand command, Link link)
    {
        command.Parameters.Clear();
        command.Add("@id", link.Id);
        command.Add("@type", LinkTypeNames.ToConstant(link.Type));
        command.Add("@source_id", link.SourceId);
        command.Add("@target_id", link.TargetId);
        command.Add("@since", Db(link.Since));
        command.Add("@until", Db(link.Until));
        command.Add("@note", link.Note);
        command.Add("@source", link.Source);
        command.Add("@coop_kind", DbEnum(link.CooperationKind));
        command.Add("@intensity", link.Intensity);
        command.Add("@instrument", DbEnum(link.Instrument));
        command.Add("@amount", Db(link.Amount));
        command.Add("@year", link.Year);
        command.Add("@outcome", DbEnum(link.Outcome));
    }

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
    };
}
