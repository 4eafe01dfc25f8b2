using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData;

/// <summary>
/// One published format: the columns it must have, and how one row becomes nodes and links of the model. Rows are
/// mapped one at a time; a source that needs the whole file (to group rows) keeps what it needs and emits it from
/// <see cref="Finish"/>.
/// </summary>
public abstract class OpenDataSource
{
    /// <summary>The name given to <c>--source</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the file is, in a few words, for the verb's help.</summary>
    public abstract string Title { get; }

    public abstract IReadOnlyCollection<string> RequiredColumns { get; }

    /// <summary>Whether this source reads a file with these columns; by default, when it has every required column.</summary>
    public virtual bool Reads(IReadOnlyList<string> columns) => RequiredColumns.All(c => columns.Contains(c, StringComparer.Ordinal));

    /// <summary>How specific the source's recognition is: when several read a header, the most specific is chosen.</summary>
    public virtual int Specificity => RequiredColumns.Count;

    /// <summary>
    /// Whether the source names actors by number and must know which the graph already holds (to join them, never to
    /// replace them): the importer then reads the stored actors' ids, once a run.
    /// </summary>
    public virtual bool JoinsByNumber => false;

    /// <summary>Called once before the rows of a file, with its columns (a source whose columns vary by publisher maps them here).</summary>
    public virtual void Begin(IReadOnlyList<string> columns, SourceRun run)
    {
    }

    /// <summary>The year of the data when the format says it (a column or a documented vintage), else from the file name.</summary>
    public virtual string? VintageOf(string fileName) =>
        System.Text.RegularExpressions.Regex.Match(fileName, @"(19|20)\d\d") is { Success: true } m ? m.Value : null;

    /// <summary>The <c>source</c> written on every node and link: which dataset, which vintage.</summary>
    public string Provenance(string? vintage) => vintage is null ? $"opendata:{Name}" : $"opendata:{Name}:{vintage}";

    public abstract IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run);

    public virtual IEnumerable<(long Row, ImportItem Item)> Finish(SourceRun run) => [];
}

/// <summary>The state of one file's import: its provenance label, the run's shared context and the file's join counters.</summary>
public sealed class SourceRun(OpenDataContext context, string provenance, string fileName = "", string? vintage = null)
{
    /// <summary>The file's name, for formats that say in it what their rows do not (a funder).</summary>
    public string FileName { get; } = fileName;

    /// <summary>The file's vintage as a year, for files whose rows are all of one year and do not say it.</summary>
    public int? VintageYear { get; } = int.TryParse(vintage, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;

    public OpenDataContext Context { get; } = context;

    public string Provenance { get; } = provenance;

    public MatchCounter Matches { get; } = new();

    /// <summary>Rows the source itself refuses (malformed as published and not repairable), with their reasons.</summary>
    public List<RejectedRow> Refusals { get; } = [];

    /// <summary>Refuses a row with its reason: it is reported with the rows the model refused.</summary>
    public void Refuse(long row, string reason) => Refusals.Add(new RejectedRow(row, reason));

    /// <summary>Rows that are read but deliberately not written (with the reason), as opposed to rows the store refused.</summary>
    public MatchCounter Skipped { get; } = new();

    private readonly Dictionary<Type, object> _state = [];

    /// <summary>What a source keeps while it reads this file (sources themselves are shared and hold nothing).</summary>
    public T State<T>() where T : class, new()
    {
        if (!_state.TryGetValue(typeof(T), out var state))
        {
            _state[typeof(T)] = state = new T();
        }
        return (T)state;
    }
}
