using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

public sealed partial class ReadModelSnapshot
{
    /// <summary>
    /// The stores' node listing: each filter as their statements apply it (a theme's or domain's link is read whoever
    /// may see it, as theirs are; only the listed node's own visibility counts). The candidates come from the most
    /// selective filter given — the territory's nodes, the themes' actors, the text's matches, the kinds' nodes — in seq order, and every
    /// filter is then checked on each.
    /// </summary>
    public Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        int[]? matching = null;
        if (query.Text is not null)
        {
            if (Text is not { } index || index.Prefixes(query.Text) is not { } prefixes)
            {
                return _fallback.ListNodesAsync(viewer, query, page, cancellationToken);
            }
            if (prefixes.Length == 0)
            {
                return Task.FromResult(Page<Node>.Empty);
            }
            matching = index.Matching(prefixes);
        }
        var after = PageCursors.Parse(page.After);
        var kinds = query.Kinds is { Count: > 0 } k ? k.ToHashSet() : null;
        var mask = query.Domains is null ? 0 : DomainSet.Of(query.Domains).Bits;
        var themes = query.ThemeIds is { Count: > 0 } t ? t.ToHashSet(StringComparer.Ordinal) : null;

        IEnumerable<int> candidates;
        if (query.TerritoryCode is { } code)
        {
            candidates = PlacedIn(code);
        }
        else if (themes is not null)
        {
            candidates = ActorsOf(themes);
        }
        else if (matching is not null)
        {
            candidates = matching;
        }
        else if (kinds is not null)
        {
            candidates = kinds.Count == 1 ? _nodesByKind.Of(kinds.First()) : kinds.SelectMany(_nodesByKind.Of).Order();
        }
        else
        {
            candidates = Enumerable.Range(0, _nodes.Length);
        }

        var items = new List<PageItem<Node>>(Math.Min(page.First + 1, 128));
        long total = 0;
        foreach (var i in candidates)
        {
            var node = _nodes[i];
            if ((matching is null || Array.BinarySearch(matching, i) >= 0)
                && (kinds is null || kinds.Contains(node.Kind))
                && (mask == 0 || HasDomain(i, node.Kind, mask))
                && (themes is null || WorksOnOrTargets(i, themes))
                && viewer.CanSee(node.PrivateTo))
            {
                total++;
                if (_nodeSeqs[i] > after && items.Count <= page.First)
                {
                    items.Add(new PageItem<Node>(node, PageCursors.Of(_nodeSeqs[i])));
                }
            }
        }
        return Task.FromResult(PageCursors.Page(items, page.First, total));
    }

    public Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var after = PageCursors.Parse(page.After);
        var types = query.Types is { Count: > 0 } ty ? ty.ToHashSet() : null;
        var cooperationKinds = query.CooperationKinds is { Count: > 0 } ck ? ck.ToHashSet() : null;
        var instruments = query.Instruments is { Count: > 0 } ins ? ins.ToHashSet() : null;
        // The stores compare amounts as reals: so does this, to agree on every bound.
        var min = query.MinAmount is { } low ? (double?)(double)low : null;
        var max = query.MaxAmount is { } high ? (double?)(double)high : null;

        IEnumerable<int> candidates;
        if (query.NodeId is { } nodeId)
        {
            candidates = _nodeIndex.TryFind(nodeId, out var node) ? _adjacency.Of(node) : Enumerable.Empty<int>();
        }
        else if (types is not null)
        {
            // Links appended since the types were indexed are all after the indexed ones; the loop below checks their type.
            candidates = types.SelectMany(_adjacency.IndexedOfType).Order().Concat(Enumerable.Range(_adjacency.Indexed, _links.Length - _adjacency.Indexed));
        }
        else
        {
            candidates = Enumerable.Range(0, _links.Length);
        }

        var items = new List<PageItem<Link>>(Math.Min(page.First + 1, 128));
        long total = 0;
        foreach (var i in candidates)
        {
            var link = _links[i];
            var since = link.Since;
            var year = link.Year ?? since?.Year;
            if ((types is null || types.Contains(link.Type))
                && (cooperationKinds is null || (link.CooperationKind is { } kind && cooperationKinds.Contains(kind)))
                && (query.ValidAt is not { } at || ((since is null || since <= at) && (link.Until is not { } until || until >= at)))
                && (query.FromYear is not { } from || year >= from)
                && (query.ToYear is not { } to || year <= to)
                && (instruments is null || (link.Type == LinkType.Funds && link.Instrument is { } instrument && instruments.Contains(instrument)))
                && (min is null || (link.Amount is { } a1 && (double)a1 >= min))
                && (max is null || (link.Amount is { } a2 && (double)a2 <= max))
                && Sees(viewer, link))
            {
                total++;
                if (_linkSeqs[i] > after && items.Count <= page.First)
                {
                    items.Add(new PageItem<Link>(LinkAt(i), PageCursors.Of(_linkSeqs[i])));
                }
            }
        }
        return Task.FromResult(PageCursors.Page(items, page.First, total));
    }

    /// <summary>The territory with this code, those below it, and the nodes located in any of them, in seq order.</summary>
    private List<int> PlacedIn(string code)
    {
        var placed = new HashSet<int>();
        if (_territoryByCode.TryGetValue(code, out var root))
        {
            var pending = new Stack<int>();
            pending.Push(root);
            while (pending.TryPop(out var territory))
            {
                if (!placed.Add(territory))
                {
                    continue;
                }
                foreach (var child in _territoryChildren.GetValueOrDefault(territory) ?? [])
                {
                    pending.Push(child);
                }
                foreach (var link in _adjacency.Of(territory))
                {
                    if (_links[link].Type == LinkType.LocatedIn && _linkTarget[link] == territory)
                    {
                        placed.Add(_linkSource[link]);
                    }
                }
            }
        }
        var ordered = placed.ToList();
        ordered.Sort();
        return ordered;
    }

    /// <summary>The nodes that work on or target one of these themes, in seq order.</summary>
    private List<int> ActorsOf(HashSet<string> themes)
    {
        var actors = new HashSet<int>();
        foreach (var theme in themes)
        {
            if (!_nodeIndex.TryFind(theme, out var t))
            {
                continue;
            }
            foreach (var link in _adjacency.Of(t))
            {
                if (_links[link].Type is LinkType.WorksOn or LinkType.Targets && _linkTarget[link] == t)
                {
                    actors.Add(_linkSource[link]);
                }
            }
        }
        var ordered = actors.ToList();
        ordered.Sort();
        return ordered;
    }

    private bool WorksOnOrTargets(int node, HashSet<string> themes)
    {
        foreach (var link in _adjacency.Of(node))
        {
            if (_links[link].Type is LinkType.WorksOn or LinkType.Targets && _linkSource[link] == node && themes.Contains(_nodes[_linkTarget[link]].Id))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A node's domains as the listings define them (<see cref="NodeDomains"/>): its own, or its themes'.</summary>
    private bool HasDomain(int node, NodeKind kind, int mask)
    {
        if (NodeDomains.AreOwn(kind))
        {
            return (_ownDomains[node] & mask) != 0;
        }
        foreach (var link in _adjacency.Of(node))
        {
            if (_links[link].Type == LinkType.WorksOn && _linkSource[link] == node && (_ownDomains[_linkTarget[link]] & mask) != 0)
            {
                return true;
            }
        }
        return false;
    }
}
