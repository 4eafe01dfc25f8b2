namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// What one request read of the graph, recorded as it reads (see <see cref="Loading.RecordingReader"/>): the nodes and
/// links it looked up by id, the nodes whose links it listed, and whether it read anything wider — a listing, a search,
/// counts — that any change may alter. The <see cref="ResponseCache"/> keeps its answer across a version whose
/// <see cref="Graph.ReadModel.SnapshotChanges"/> touch none of it.
/// </summary>
public sealed class ReadSet
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _links = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ends = new(StringComparer.Ordinal);
    private bool _everything;
    private bool _unkeepable;

    /// <summary>Whether the request read more than single keys: any change at all may alter its answer.</summary>
    public bool Everything
    {
        get
        {
            lock (_gate)
            {
                return _everything;
            }
        }
    }

    /// <summary>Whether everything read was of the request's version (see <see cref="Unkeepable"/>).</summary>
    public bool Keepable
    {
        get
        {
            lock (_gate)
            {
                return !_unkeepable;
            }
        }
    }

    /// <summary>Something was read of another version than the request's (a projection behind the store): the answer is not kept.</summary>
    public void Unkeepable()
    {
        lock (_gate)
        {
            _unkeepable = true;
        }
    }

    public void Node(string id) => Add(_nodes, id);

    public void Nodes(IEnumerable<string> ids) => AddAll(_nodes, ids);

    public void Link(string id) => Add(_links, id);

    public void Links(IEnumerable<string> ids) => AddAll(_links, ids);

    /// <summary>The links of a node were listed (a page, a count, its neighbours).</summary>
    public void LinksOf(string nodeId) => Add(_ends, nodeId);

    public void LinksOf(IEnumerable<string> nodeIds) => AddAll(_ends, nodeIds);

    /// <summary>A listing, a search or counts was read.</summary>
    public void All()
    {
        lock (_gate)
        {
            _everything = true;
        }
    }

    /// <summary>The keys read, each with what it is (a copy, taken once the answer is complete).</summary>
    internal (string[] Nodes, string[] Links, string[] Ends) Keys()
    {
        lock (_gate)
        {
            return ([.. _nodes], [.. _links], [.. _ends]);
        }
    }

    private void Add(HashSet<string> set, string id)
    {
        lock (_gate)
        {
            set.Add(id);
        }
    }

    private void AddAll(HashSet<string> set, IEnumerable<string> ids)
    {
        lock (_gate)
        {
            set.UnionWith(ids);
        }
    }
}
