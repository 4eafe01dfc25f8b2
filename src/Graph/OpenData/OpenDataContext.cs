namespace CoopGraph.Graph.OpenData;

/// <summary>
/// What the files of one run share: the geography known to the store, the actors it holds, the doctoral schools read
/// so far, and the items already emitted (a node or a link between the same ends named by several rows is written once).
/// </summary>
public sealed class OpenDataContext(CommuneDirectory communes)
{
    private readonly HashSet<string> _emitted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emittedNodes = new(StringComparer.Ordinal);
    private IReadOnlySet<string>? _storedActorIds;

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
    public bool IsKnown(string id) => _emittedNodes.Contains(id) || (_storedActorIds ?? throw NotRead()).Contains(id);

    /// <summary>Whether the actors stored before the run have been read (see <see cref="StoredActorsRead"/>).</summary>
    public bool StoredActorsLoaded => _storedActorIds is not null;

    /// <summary>The ids of the actors stored before the run that numbers name, read when a source first needs them.</summary>
    public void StoredActorsRead(IReadOnlySet<string> ids) => _storedActorIds = ids;

    // A source that joins by number says so (JoinsByNumber), and the importer reads the stored actors first.
    private static InvalidOperationException NotRead() => new("The stored actors were not read: the source must say it joins by number.");
}
