using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// The nodes of each kind, ascending: those of the whole copy in one array per kind, those appended since in small arrays
/// beside them (<see cref="Appended"/>), so that a node added to a million does not copy the array of its kind (twelve to
/// sixty milliseconds a write for the national graph's actors). Immutable; snapshots share it.
/// </summary>
internal sealed class NodesByKind
{
    private readonly Dictionary<NodeKind, int[]> _indexed;
    private readonly Dictionary<NodeKind, int[]> _appended;

    private NodesByKind(Dictionary<NodeKind, int[]> indexed, Dictionary<NodeKind, int[]> appended)
    {
        _indexed = indexed;
        _appended = appended;
    }

    /// <summary>The nodes of each kind, by their index: <paramref name="kindOf"/> gives the kind of each of <paramref name="count"/> nodes.</summary>
    public static NodesByKind Build(int count, Func<int, NodeKind> kindOf)
    {
        var byKind = new Dictionary<NodeKind, List<int>>();
        for (var i = 0; i < count; i++)
        {
            var kind = kindOf(i);
            if (!byKind.TryGetValue(kind, out var list))
            {
                byKind[kind] = list = [];
            }
            list.Add(i);
        }
        return new NodesByKind(byKind.ToDictionary(p => p.Key, p => p.Value.ToArray()), []);
    }

    /// <summary>The nodes of <paramref name="kind"/>, ascending.</summary>
    public IEnumerable<int> Of(NodeKind kind)
    {
        var indexed = _indexed.GetValueOrDefault(kind) ?? [];
        return _appended.TryGetValue(kind, out var appended) ? indexed.Concat(appended) : indexed;
    }

    /// <summary>These and the nodes from <paramref name="first"/> on, of the kinds given in their order.</summary>
    public NodesByKind Appended(int first, IReadOnlyList<NodeKind> kinds)
    {
        var appended = new Dictionary<NodeKind, int[]>(_appended);
        for (var i = 0; i < kinds.Count; i++)
        {
            appended[kinds[i]] = [.. appended.GetValueOrDefault(kinds[i]) ?? [], first + i];
        }
        return new NodesByKind(_indexed, appended);
    }
}
