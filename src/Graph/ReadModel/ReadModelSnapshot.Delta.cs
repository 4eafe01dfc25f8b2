using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

public sealed partial class ReadModelSnapshot
{
    /// <summary>
    /// This snapshot with <paramref name="delta"/> applied: the snapshot of <paramref name="version"/>. When every change
    /// rewrites an element in its place and leaves the shape of the graph alone — same seq, same kind or type and ends,
    /// same indexed text, same place in the territorial tree — the new snapshot shares every index with this one and
    /// only the elements are copied. Otherwise its indexes are built again from this snapshot's elements and the
    /// changes, without reading the store.
    /// </summary>
    internal ReadModelSnapshot Apply(long version, ReadModelDelta delta)
    {
        var changes = ChangesBy(version, delta);
        var applied = Applied(version, delta, changes);
        // Set before the snapshot is published, never after.
        applied.Changes = changes;
        return applied;
    }

    /// <param name="changes">What the delta changes (<see cref="ChangesBy"/>): only those elements are written again.</param>
    private ReadModelSnapshot Applied(long version, ReadModelDelta delta, SnapshotChanges changes)
    {
        if (delta.RemovedNodes.Count == 0 && delta.RemovedLinks.Count == 0 && KeepsShape(delta))
        {
            var nodes = _nodes;
            var ownDomains = _ownDomains;
            var nodeChanges = Changed(_nodes, _nodeIndex, delta.Nodes.Select(written => (written.Node.Id, written.Node)), changes.Nodes, HeldElements.Keep);
            if (nodeChanges.Count > 0)
            {
                nodes = _nodes.With(nodeChanges);
                ownDomains = _ownDomains.With(nodeChanges.Select(change => (change.Index, change.Item.OwnDomains.Bits)));
            }
            var linkChanges = Changed(_links, _linkIndex, delta.Links.Select(written => (written.Link.Id, written.Link)), changes.Links, HeldElements.Keep);
            var links = linkChanges.Count == 0 ? _links : _links.With(linkChanges);
            return new ReadModelSnapshot(this, version, nodes, ownDomains, links);
        }
        var (mergedNodes, nodeSeqs) = Merge(_nodes, _nodeSeqs, delta.Nodes, delta.RemovedNodes, n => n.Id);
        var (mergedLinks, linkSeqs) = Merge(_links, _linkSeqs, delta.Links, delta.RemovedLinks, l => l.Id);
        return new ReadModelSnapshot(version, mergedNodes, nodeSeqs, mergedLinks, linkSeqs, _fallback, _tokenizer);
    }

    /// <summary>
    /// What applying <paramref name="delta"/> changes in this snapshot, element by element: an element written again
    /// with the same value and seq is left out (see <see cref="HeldElements"/>), a link's old and new ends both count.
    /// </summary>
    private SnapshotChanges ChangesBy(long version, ReadModelDelta delta)
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var links = new HashSet<string>(StringComparer.Ordinal);
        var ends = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, seq) in delta.Nodes)
        {
            if (!_nodeIndex.TryGetValue(node.Id, out var i) || _nodeSeqs[i] != seq || !HeldElements.Unchanged(_nodes[i], node))
            {
                nodes.Add(node.Id);
            }
        }
        foreach (var id in delta.RemovedNodes)
        {
            if (_nodeIndex.ContainsKey(id))
            {
                nodes.Add(id);
                ends.Add(id);
            }
        }
        foreach (var (link, seq) in delta.Links)
        {
            var held = _linkIndex.TryGetValue(link.Id, out var i) ? _links[i] : null;
            if (held is not null && _linkSeqs[i] == seq && HeldElements.Unchanged(held, link))
            {
                continue;
            }
            links.Add(link.Id);
            ends.Add(link.SourceId);
            ends.Add(link.TargetId);
            if (held is not null)
            {
                ends.Add(held.SourceId);
                ends.Add(held.TargetId);
            }
        }
        foreach (var id in delta.RemovedLinks)
        {
            if (_linkIndex.TryGetValue(id, out var i))
            {
                links.Add(id);
                ends.Add(_links[i].SourceId);
                ends.Add(_links[i].TargetId);
            }
        }
        return new SnapshotChanges(Version, version, nodes, links, ends);
    }

    /// <summary>
    /// The elements a write changed (<paramref name="changed"/>), each at its index, as the snapshot will hold them
    /// (<paramref name="keep"/>). Those written as they were are left out and keep their instance, so their chunks stay
    /// shared: the comparison that found them is not made again.
    /// </summary>
    private static List<(int Index, T Item)> Changed<T>(ChunkedArray<T> held, Dictionary<string, int> index, IEnumerable<(string Id, T Item)> written,
        IReadOnlySet<string> changed, Func<T, T, T> keep)
    {
        var changes = new List<(int Index, T Item)>();
        foreach (var (id, item) in written)
        {
            if (changed.Contains(id))
            {
                var i = index[id];
                changes.Add((i, keep(held[i], item)));
            }
        }
        return changes;
    }

    /// <summary>Whether this snapshot was made from <paramref name="other"/> by rewriting elements in place.</summary>
    internal bool SharesIndexesWith(ReadModelSnapshot other) => ReferenceEquals(_adjacency, other._adjacency) && ReferenceEquals(_nodeIndex, other._nodeIndex);

    private bool KeepsShape(ReadModelDelta delta)
    {
        foreach (var (node, seq) in delta.Nodes)
        {
            if (!_nodeIndex.TryGetValue(node.Id, out var i) || _nodeSeqs[i] != seq || !SameShape(_nodes[i], node))
            {
                return false;
            }
        }
        foreach (var (link, seq) in delta.Links)
        {
            if (!_linkIndex.TryGetValue(link.Id, out var i) || _linkSeqs[i] != seq)
            {
                return false;
            }
            var old = _links[i];
            if (old.Type != link.Type || !string.Equals(old.SourceId, link.SourceId, StringComparison.Ordinal)
                || !string.Equals(old.TargetId, link.TargetId, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether every index of the snapshot holds for <paramref name="now"/> as it did for <paramref name="before"/>.</summary>
    private static bool SameShape(Node before, Node now) =>
        before.Kind == now.Kind
        && string.Equals(before.Name, now.Name, StringComparison.Ordinal)
        && string.Equals(before.Description, now.Description, StringComparison.Ordinal)
        && (before, now) switch
        {
            (Territory b, Territory n) => string.Equals(b.Code, n.Code, StringComparison.Ordinal) && string.Equals(b.ParentId, n.ParentId, StringComparison.Ordinal),
            (Territory, _) or (_, Territory) => false,
            _ => true,
        };

    /// <summary>
    /// The elements after the changes, in seq order: those kept, rewritten where they stand when their seq is unchanged,
    /// and the others merged in by seq.
    /// </summary>
    private static (T[] Items, long[] Seqs) Merge<T>(ChunkedArray<T> items, long[] seqs, List<(T Item, long Seq)> written, HashSet<string> removed, Func<T, string> id)
    {
        var byId = new Dictionary<string, (T Item, long Seq)>(written.Count, StringComparer.Ordinal);
        foreach (var entry in written)
        {
            byId[id(entry.Item)] = entry;
        }
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<(T Item, long Seq)>(items.Length + written.Count);
        for (var i = 0; i < items.Length; i++)
        {
            var key = id(items[i]);
            if (removed.Contains(key))
            {
                continue;
            }
            if (byId.TryGetValue(key, out var now))
            {
                if (now.Seq == seqs[i])
                {
                    kept.Add(now);
                    placed.Add(key);
                }
                continue;
            }
            kept.Add((items[i], seqs[i]));
        }
        // The delta comes in seq order; what it adds is merged into what is kept, which is in seq order too.
        var added = written.Where(entry => !placed.Contains(id(entry.Item))).ToList();
        var merged = new List<(T Item, long Seq)>(kept.Count + added.Count);
        int k = 0, a = 0;
        while (k < kept.Count || a < added.Count)
        {
            merged.Add(a == added.Count || (k < kept.Count && kept[k].Seq < added[a].Seq) ? kept[k++] : added[a++]);
        }
        return ([.. merged.Select(m => m.Item)], [.. merged.Select(m => m.Seq)]);
    }
}
