namespace CoopGraph.Graph.OpenData;

/// <summary>
/// What the files of one run share: the geography known to the store, the actors it holds, the doctoral schools read
/// so far, and the items already emitted (a node or a link between the same ends named by several rows is written once).
/// </summary>
public sealed class OpenDataContext(CommuneDirectory communes, IReadOnlySet<string> storedActorIds)
{
    private readonly HashSet<string> _emitted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emittedNodes = new(StringComparer.Ordinal);

    public OpenDataContext(CommuneDirectory communes)
        : this(communes, new HashSet<string>())
    {
    }

    public CommuneDirectory Communes { get; } = communes;

    /// <summary>Doctoral school number → UAI of its support establishment, from ecoles_doctorales.</summary>
    public Dictionary<string, string> DoctoralSupport { get; } = new(StringComparer.Ordinal);

    /// <summary>A commune's SIREN → its INSEE code, from the EPCI membership file when the run reads it.</summary>
    public Dictionary<string, string> CommuneOfSiren { get; } = new(StringComparer.Ordinal);

    /// <summary>True the first time a key is seen in this run.</summary>
    public bool FirstTime(string key) => _emitted.Add(key);

    /// <summary>Records that the run wrote a node (every source's nodes pass here).</summary>
    public void NodeEmitted(string id) => _emittedNodes.Add(id);

    /// <summary>
    /// Whether an actor is already in the graph, stored before the run or written by it: a connector that names an
    /// actor only by its number links to it, and creates it only when it is unknown (never replacing a richer record).
    /// </summary>
    public bool IsKnown(string id) => _emittedNodes.Contains(id) || storedActorIds.Contains(id);
}
