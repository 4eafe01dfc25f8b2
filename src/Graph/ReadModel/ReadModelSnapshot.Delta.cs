using System.Runtime.InteropServices;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

public sealed partial class ReadModelSnapshot
{
    /// <summary>
    /// This snapshot with <paramref name="delta"/> applied: the snapshot of <paramref name="version"/>, never read from
    /// the store. What is built again depends on what the write changed of the graph's shape:
    /// <list type="bullet">
    /// <item>Elements rewritten in their place — same seq, kind or type and ends, indexed text, place in the territorial
    /// tree: every index is shared, only the chunks of elements they fall in are copied.</item>
    /// <item>Nodes and links added after every one held (the seqs a store gives new rows), none a territory: they are
    /// appended to the elements and to the indexes, which share everything held (<see cref="NodeIndex"/>,
    /// <see cref="LinkAdjacency"/>, <see cref="LinkIds"/>). A survey's answer or a new partner costs what it adds.</item>
    /// <item>Nodes appended or renamed: the text index is built again when first asked for (<see cref="PendingTextIndex"/>).</item>
    /// <item>Links removed or moved around nodes that keep their place: the nodes' indexes are shared, the links' built again.</item>
    /// <item>Anything else (nodes removed, territories moved or recoded): every index is built again.</item>
    /// </list>
    /// </summary>
    /// <param name="reindex">Whether every index, or the links', may be built again; when not, and the write needs it, null.</param>
    internal ReadModelSnapshot? Apply(long version, ReadModelDelta delta, bool reindex = true)
    {
        var changes = ChangesBy(version, delta);
        if (Applied(version, delta, changes, reindex) is not { } applied)
        {
            return null;
        }
        // Set before the snapshot is published, never after.
        applied.Changes = changes;
        return applied;
    }

    /// <param name="changes">What the delta changes (<see cref="ChangesBy"/>): only those elements are written again.</param>
    private ReadModelSnapshot? Applied(long version, ReadModelDelta delta, SnapshotChanges changes, bool reindex)
    {
        if (NodesAfter(delta, changes) is { } nodes)
        {
            // The nodes held keep their places: a link's ends are the same indexes.
            return WithLinksKeptOrAppended(version, delta, changes, nodes)
                ?? (reindex ? new ReadModelSnapshot(this, version, nodes, MergeLinks(nodes.Index, null, delta)) : null);
        }
        if (!reindex)
        {
            return null;
        }
        var (mergedNodes, nodeSeqs) = Merge(_nodes, _nodeSeqs, delta.Nodes, delta.RemovedNodes, n => n.Id);
        var positions = new Dictionary<string, int>(mergedNodes.Length, StringComparer.Ordinal);
        for (var n = 0; n < mergedNodes.Length; n++)
        {
            positions[mergedNodes[n].Id] = n;
        }
        var moved = new int[_nodes.Length];
        for (var n = 0; n < moved.Length; n++)
        {
            moved[n] = positions.TryGetValue(_nodes[n].Id, out var now) ? now : -1;
        }
        return new ReadModelSnapshot(version, mergedNodes, nodeSeqs, positions, MergeLinks(new NodeIndex(positions), moved, delta), _fallback, _tokenizer);
    }

    /// <summary>
    /// The snapshot after a write that rewrites links in place (same seq, type and ends) and adds links after every link
    /// held (a greater seq), between nodes of <paramref name="nodes"/>; null for any other write. The links held keep
    /// their ids and CSR, and their rows but in the chunks rewritten; new ones are appended to each
    /// (<see cref="LinkColumns.Appended"/>, <see cref="LinkAdjacency.Appended"/>): a survey's answer added to a graph of
    /// ten million links costs what it adds. A link's row holds no text of its own: those the write left alone keep their
    /// numbers, new ones are added to the table.
    /// </summary>
    private ReadModelSnapshot? WithLinksKeptOrAppended(long version, ReadModelDelta delta, SnapshotChanges changes, NodeSide nodes)
    {
        foreach (var id in delta.RemovedLinks)
        {
            if (_linkIds.TryFind(id, out _))
            {
                return null;
            }
        }
        var last = _links.Length == 0 ? long.MinValue : _linkSeqs[_links.Length - 1];
        var texts = new TextTable.Editor(_linkTexts);
        var inPlace = new List<(int Index, LinkRow Row)>();
        var tail = new LinkColumns.Tail();
        foreach (var (link, seq) in delta.Links)
        {
            if (_linkIds.TryFind(link.Id, out var i))
            {
                if (_linkSeqs[i] != seq || _links[i].Type != link.Type || !IsEnd(_linkSource[i], link.SourceId) || !IsEnd(_linkTarget[i], link.TargetId))
                {
                    return null;
                }
                if (changes.Links.Contains(link.Id))
                {
                    inPlace.Add((i, new LinkRow(link, texts)));
                }
                continue;
            }
            if (seq <= last || !nodes.Index.TryFind(link.SourceId, out var source) || !nodes.Index.TryFind(link.TargetId, out var target))
            {
                return null;
            }
            tail.Add(link.Id, new LinkRow(link, texts), seq, source, target);
            last = seq;
        }
        var rows = inPlace.Count == 0 ? _links : _links.With(inPlace);
        var columns = new LinkColumns(_linkIds, rows, _linkSeqs, _linkSource, _linkTarget, _linkTexts).Appended(tail, texts.Build());
        // Past a share of the graph appended, the links are indexed again with the others; their columns are kept.
        var adjacency = _adjacency.WantsIndexing(tail.Count)
            ? null
            : _adjacency.Appended(CollectionsMarshal.AsSpan(tail.Sources), CollectionsMarshal.AsSpan(tail.Targets));
        return new ReadModelSnapshot(this, version, nodes, columns, adjacency, firstChecked: _links.Length);
    }

    private bool IsEnd(int node, string id) => string.Equals(_nodes[node].Id, id, StringComparison.Ordinal);

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
            if (!_nodeIndex.TryFind(node.Id, out var i) || _nodeSeqs[i] != seq || !HeldElements.Unchanged(_nodes[i], node))
            {
                nodes.Add(node.Id);
            }
        }
        foreach (var id in delta.RemovedNodes)
        {
            if (_nodeIndex.Contains(id))
            {
                nodes.Add(id);
                ends.Add(id);
            }
        }
        foreach (var (link, seq) in delta.Links)
        {
            var held = _linkIds.TryFind(link.Id, out var i) ? LinkAt(i) : null;
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
            if (_linkIds.TryFind(id, out var i))
            {
                links.Add(id);
                ends.Add(_nodes[_linkSource[i]].Id);
                ends.Add(_nodes[_linkTarget[i]].Id);
            }
        }
        return new SnapshotChanges(Version, version, nodes, links, ends);
    }

    /// <summary>
    /// The nodes after <paramref name="delta"/> when it writes nodes held again in their place, with the same seq, kind
    /// and place in the tree, and appends nodes after every node held, none a territory, and removes none; else null.
    /// Nodes written as they were keep their instance, so their chunks stay shared. Appended nodes are indexed beside the
    /// others (<see cref="NodeIndex"/>). When nodes are appended or renamed, the text index is built again when first
    /// asked for (<see cref="PendingTextIndex"/>).
    /// </summary>
    private NodeSide? NodesAfter(ReadModelDelta delta, SnapshotChanges changes)
    {
        foreach (var id in delta.RemovedNodes)
        {
            if (_nodeIndex.Contains(id))
            {
                return null;
            }
        }
        var last = _nodes.Length == 0 ? long.MinValue : _nodeSeqs[_nodes.Length - 1];
        var rewritten = new List<(int Index, Node Node)>();
        var added = new List<Node>();
        var addedSeqs = new List<long>();
        var renamed = false;
        foreach (var (node, seq) in delta.Nodes)
        {
            if (_nodeIndex.TryFind(node.Id, out var i))
            {
                if (_nodeSeqs[i] != seq || !SamePlace(_nodes[i], node))
                {
                    return null;
                }
                renamed |= !SameText(_nodes[i], node);
                if (changes.Nodes.Contains(node.Id))
                {
                    rewritten.Add((i, HeldElements.Keep(_nodes[i], node)));
                }
                continue;
            }
            if (seq <= last || node is Territory)
            {
                return null;
            }
            added.Add(node);
            addedSeqs.Add(seq);
            last = seq;
        }
        var side = Nodes;
        if (rewritten.Count > 0)
        {
            side = side with { Nodes = _nodes.With(rewritten), OwnDomains = _ownDomains.With(rewritten.Select(c => (c.Index, c.Node.OwnDomains.Bits))) };
        }
        if (added.Count == 0)
        {
            return renamed ? side with { Text = null, PendingText = PendingText(side.Nodes) } : side;
        }
        if (_nodeIndex.WantsIndexing(added.Count))
        {
            return null;
        }
        var nodes = side.Nodes.Appended(CollectionsMarshal.AsSpan(added));
        return side with
        {
            Nodes = nodes,
            Seqs = _nodeSeqs.Appended(CollectionsMarshal.AsSpan(addedSeqs)),
            OwnDomains = side.OwnDomains.Appended([.. added.Select(n => n.OwnDomains.Bits)]),
            Index = _nodeIndex.Appended([.. added.Select(n => n.Id)], _nodes.Length),
            ByKind = _nodesByKind.Appended(_nodes.Length, [.. added.Select(n => n.Kind)]),
            Text = null,
            PendingText = PendingText(nodes),
        };
    }

    /// <summary>The text index of <paramref name="nodes"/>, to build when first asked for; none when search is the store's.</summary>
    private PendingTextIndex? PendingText(ChunkedArray<Node> nodes) => _tokenizer is null ? null : new PendingTextIndex(nodes, _tokenizer, _pendingText);

    /// <summary>Whether this snapshot shares the nodes' indexes (their text index too) with <paramref name="other"/>.</summary>
    internal bool SharesNodeIndexesWith(ReadModelSnapshot other) =>
        ReferenceEquals(_nodeIndex, other._nodeIndex) && ReferenceEquals(_text, other._text) && ReferenceEquals(_pendingText, other._pendingText);

    /// <summary>Whether this snapshot holds <paramref name="other"/>'s nodes where they were, those it indexed in the same dictionary.</summary>
    internal bool KeepsNodesOf(ReadModelSnapshot other) => _nodeIndex.SharesIndexWith(other._nodeIndex);

    /// <summary>Whether this snapshot holds the links <paramref name="other"/> indexed as they were, in the same CSR: appended to.</summary>
    internal bool SharesLinkIndexWith(ReadModelSnapshot other) => _adjacency.SharesCsrWith(other._adjacency);

    /// <summary>Whether this snapshot was made from <paramref name="other"/> by rewriting elements in place.</summary>
    internal bool SharesIndexesWith(ReadModelSnapshot other) => ReferenceEquals(_adjacency, other._adjacency) && SharesNodeIndexesWith(other);

    /// <summary>Whether this snapshot holds the link <paramref name="id"/> in the same chunk of rows as <paramref name="other"/>: not copied.</summary>
    internal bool SharesLinkRowWith(ReadModelSnapshot other, string id) =>
        _linkIds.TryFind(id, out var i) && _links.SharesChunkWith(other._links, i);

    /// <summary>
    /// Whether every index of the snapshot but the text index holds for <paramref name="now"/> as it did for
    /// <paramref name="before"/>: the same kind, and for a territory the same code and place in the tree.
    /// </summary>
    private static bool SamePlace(Node before, Node now) =>
        before.Kind == now.Kind
        && (before, now) switch
        {
            (Territory b, Territory n) => string.Equals(b.Code, n.Code, StringComparison.Ordinal) && string.Equals(b.ParentId, n.ParentId, StringComparison.Ordinal),
            (Territory, _) or (_, Territory) => false,
            _ => true,
        };

    /// <summary>Whether the text index holds for <paramref name="now"/> as it did for <paramref name="before"/>.</summary>
    private static bool SameText(Node before, Node now) =>
        string.Equals(before.Name, now.Name, StringComparison.Ordinal) && string.Equals(before.Description, now.Description, StringComparison.Ordinal);

    /// <summary>
    /// The links after the changes, in seq order: those kept, rewritten where they stand when their seq is unchanged,
    /// and the others merged in by seq. A kept link's id and row are copied as they are, never made into a
    /// <see cref="Link"/>.
    /// </summary>
    /// <param name="positions">Each node's index after the changes, by id.</param>
    /// <param name="moved">Each node's index after the changes by its index here (-1: removed); null when they are the same.</param>
    private LinkColumns MergeLinks(NodeIndex positions, int[]? moved, ReadModelDelta delta)
    {
        // What the delta does to the links held: removes them, rewrites them where they stand, or moves them (a new seq).
        var dropped = new HashSet<int>();
        foreach (var id in delta.RemovedLinks)
        {
            if (_linkIds.TryFind(id, out var i))
            {
                dropped.Add(i);
            }
        }
        var inPlace = new Dictionary<int, Link>();
        var added = new List<(Link Link, long Seq)>();
        foreach (var (link, seq) in delta.Links)
        {
            var held = _linkIds.TryFind(link.Id, out var i);
            if (held && _linkSeqs[i] == seq && !dropped.Contains(i))
            {
                inPlace[i] = link;
                continue;
            }
            if (held)
            {
                dropped.Add(i);
            }
            added.Add((link, seq));
        }

        var columns = new LinkColumns.Builder(_linkTexts);
        void AddWritten(Link link, long seq) =>
            columns.Add(link.Id, new LinkRow(link, columns.Texts), seq, End(positions, link.SourceId, link.Id), End(positions, link.TargetId, link.Id));
        var a = 0;
        for (var i = 0; i < _links.Length; i++)
        {
            if (dropped.Count > 0 && dropped.Contains(i))
            {
                continue;
            }
            // The delta comes in seq order; what it adds is merged into what is kept, which is in seq order too.
            for (; a < added.Count && added[a].Seq < _linkSeqs[i]; a++)
            {
                AddWritten(added[a].Link, added[a].Seq);
            }
            if (inPlace.Count > 0 && inPlace.TryGetValue(i, out var now))
            {
                AddWritten(now, _linkSeqs[i]);
                continue;
            }
            var (source, target) = moved is null ? (_linkSource[i], _linkTarget[i]) : (moved[_linkSource[i]], moved[_linkTarget[i]]);
            if (source < 0 || target < 0)
            {
                throw new InvalidOperationException($"The changes removed an end of link {_linkIds[i]} and kept the link.");
            }
            columns.Add(_linkIds, i, _links[i], _linkSeqs[i], source, target);
        }
        for (; a < added.Count; a++)
        {
            AddWritten(added[a].Link, added[a].Seq);
        }
        return columns.Build();
    }

    private static int End(NodeIndex positions, string nodeId, string linkId) =>
        positions.TryFind(nodeId, out var position)
            ? position
            : throw new InvalidOperationException($"The changes give link {linkId} without its end {nodeId}.");

    /// <summary>
    /// The elements after the changes, in seq order: those kept, rewritten where they stand when their seq is unchanged,
    /// and the others merged in by seq.
    /// </summary>
    private static (T[] Items, long[] Seqs) Merge<T>(ChunkedArray<T> items, ChunkedArray<long> seqs, List<(T Item, long Seq)> written, HashSet<string> removed, Func<T, string> id)
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
