using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// A link's values as the read model holds them: 48 bytes and no reference, its texts as numbers in a
/// <see cref="TextTable"/>, its id and ends beside it (<see cref="LinkIds"/>, the snapshot's end arrays). A national
/// graph's ten million links as <see cref="Link"/> objects took about 300 bytes each and gave the collector ten million
/// objects to trace; arrays of rows take a sixth of that and nothing to trace. A <see cref="Link"/> is made again from
/// its row when a read returns it (<see cref="ToLink"/>), with the same values.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct LinkRow
{
    private const byte HasYear = 1, HasIntensity = 2, HasAmount = 4, NegativeAmount = 8;

    // A decimal's 96-bit integer and scale, as decimal.GetBits gives them: the amount comes back with its own scale
    // (45000 and 45000.00 answer differently).
    private readonly ulong _amountLow;
    private readonly int _amountHigh;
    // A date's day number plus one; 0 is none.
    private readonly int _since;
    private readonly int _until;
    private readonly int _year;
    private readonly int _intensity;
    // Texts' numbers in the snapshot's table; 0 is none.
    private readonly int _source;
    private readonly int _privateTo;
    private readonly int _note;
    private readonly byte _type;
    // An enum's value plus one; 0 is none.
    private readonly byte _cooperationKind;
    private readonly byte _instrument;
    private readonly byte _domain;
    private readonly byte _outcome;
    private readonly byte _stage;
    private readonly byte _amountScale;
    private readonly byte _flags;

    public LinkRow(Link link, TextTable.Editor texts)
        : this(link, texts.Number(link.Source), texts.Number(link.PrivateTo), texts.Number(link.Note))
    {
    }

    /// <param name="source">The number of the link's <see cref="Link.Source"/> in the snapshot's table; likewise the others.</param>
    public LinkRow(Link link, int source, int privateTo, int note)
    {
        ArgumentNullException.ThrowIfNull(link);
        _type = checked((byte)link.Type);
        _since = link.Since is { } since ? since.DayNumber + 1 : 0;
        _until = link.Until is { } until ? until.DayNumber + 1 : 0;
        _source = source;
        _privateTo = privateTo;
        _note = note;
        _cooperationKind = Small(link.CooperationKind);
        _instrument = Small(link.Instrument);
        _domain = Small(link.Domain);
        _outcome = Small(link.Outcome);
        _stage = Small(link.Stage);
        if (link.Year is { } year)
        {
            _year = year;
            _flags |= HasYear;
        }
        if (link.Intensity is { } intensity)
        {
            _intensity = intensity;
            _flags |= HasIntensity;
        }
        if (link.Amount is { } amount)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(amount, bits);
            _amountLow = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            _amountHigh = bits[2];
            _amountScale = (byte)((bits[3] >> 16) & 0xFF);
            _flags |= HasAmount;
            if (bits[3] < 0)
            {
                _flags |= NegativeAmount;
            }
        }
    }

    public LinkType Type => (LinkType)_type;

    /// <summary>The number of the authority this link is private to in the snapshot's table; 0 when public.</summary>
    public int PrivateTo => _privateTo;

    public DateOnly? Since => _since == 0 ? null : DateOnly.FromDayNumber(_since - 1);

    public DateOnly? Until => _until == 0 ? null : DateOnly.FromDayNumber(_until - 1);

    public int? Year => (_flags & HasYear) != 0 ? _year : null;

    public CooperationKind? CooperationKind => _cooperationKind == 0 ? null : (CooperationKind)(_cooperationKind - 1);

    public Instrument? Instrument => _instrument == 0 ? null : (Instrument)(_instrument - 1);

    public decimal? Amount => (_flags & HasAmount) == 0
        ? null
        : new decimal((int)(uint)_amountLow, (int)(uint)(_amountLow >> 32), _amountHigh, (_flags & NegativeAmount) != 0, _amountScale);

    public Link ToLink(string id, string sourceId, string targetId, TextTable texts) => new()
    {
        Id = id,
        Type = Type,
        SourceId = sourceId,
        TargetId = targetId,
        Since = Since,
        Until = Until,
        Note = texts[_note],
        Source = texts[_source],
        PrivateTo = texts[_privateTo],
        CooperationKind = CooperationKind,
        Intensity = (_flags & HasIntensity) != 0 ? _intensity : null,
        Instrument = Instrument,
        Amount = Amount,
        Domain = _domain == 0 ? null : (PolicyDomain)(_domain - 1),
        Year = Year,
        Outcome = _outcome == 0 ? null : (ApplicationOutcome)(_outcome - 1),
        Stage = _stage == 0 ? null : (InvolvementStage)(_stage - 1),
    };

    // Every link enum is an int enum of a few values; read as its int without boxing.
    private static byte Small<T>(T? value) where T : struct, Enum
    {
        if (value is not { } v)
        {
            return 0;
        }
        return checked((byte)(Unsafe.As<T, int>(ref v) + 1));
    }
}
