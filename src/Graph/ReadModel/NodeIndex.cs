using System.Collections.Immutable;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Each node's index in a snapshot, by id: those of the whole copy in a dictionary, those appended since in a persistent
/// map beside it (<see cref="Appended"/>), so that a write adding a node to a graph of a million does not copy the
/// dictionary. Immutable; snapshots share it.
/// </summary>
internal sealed class NodeIndex
{
    /// <summary>Nodes appended past which the nodes are indexed again, when that is more than a 32nd of them.</summary>
    public const int DefaultMinAppended = 4_096;

    private readonly Dictionary<string, int> _indexed;
    private readonly ImmutableDictionary<string, int> _appended;

    /// <param name="indexed">Each node's index by id; taken, not copied: whoever made it lets it go.</param>
    public NodeIndex(Dictionary<string, int> indexed)
        : this(indexed, ImmutableDictionary.Create<string, int>(StringComparer.Ordinal))
    {
    }

    private NodeIndex(Dictionary<string, int> indexed, ImmutableDictionary<string, int> appended)
    {
        _indexed = indexed;
        _appended = appended;
    }

    /// <summary>How many nodes were appended since the whole copy.</summary>
    public int AppendedCount => _appended.Count;

    public bool TryFind(string id, out int index) =>
        _indexed.TryGetValue(id, out index) || (!_appended.IsEmpty && _appended.TryGetValue(id, out index));

    public bool Contains(string id) => TryFind(id, out _);

    /// <summary>Whether <paramref name="more"/> nodes appended would be better indexed again with all the others.</summary>
    public bool WantsIndexing(int more) => _appended.Count + more > Math.Max(DefaultMinAppended, _indexed.Count / 32);

    /// <summary>These nodes and <paramref name="ids"/>, at the indexes from <paramref name="first"/> on.</summary>
    public NodeIndex Appended(IReadOnlyList<string> ids, int first)
    {
        var appended = _appended.ToBuilder();
        for (var i = 0; i < ids.Count; i++)
        {
            if (_indexed.ContainsKey(ids[i]))
            {
                throw new InvalidOperationException($"Node {ids[i]} is held already.");
            }
            appended.Add(ids[i], first + i);
        }
        return new NodeIndex(_indexed, appended.ToImmutable());
    }

    /// <summary>Whether both hold the same dictionary: one was appended to from the other, or is the other.</summary>
    public bool SharesIndexWith(NodeIndex other) => ReferenceEquals(_indexed, other._indexed);
}
