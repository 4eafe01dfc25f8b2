namespace CoopGraph.Graph.OpenData;

/// <summary>
/// What the files of one run share: the communes known to the store, the doctoral schools read so far, and the
/// items already emitted (a node or a link between the same ends named by several rows is written once).
/// </summary>
public sealed class OpenDataContext(CommuneDirectory communes)
{
    private readonly HashSet<string> _emitted = new(StringComparer.Ordinal);

    public CommuneDirectory Communes { get; } = communes;

    /// <summary>Doctoral school number → UAI of its support establishment, from ecoles_doctorales.</summary>
    public Dictionary<string, string> DoctoralSupport { get; } = new(StringComparer.Ordinal);

    /// <summary>True the first time a key is seen in this run.</summary>
    public bool FirstTime(string key) => _emitted.Add(key);
}
