using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Projection;

/// <summary>Collects a store's export (nodes first, then links) and freezes it into a <see cref="GraphProjection"/>.</summary>
public sealed class ProjectionBuilder : ITopologySink
{
    private readonly List<string> _ids = [];
    private readonly StringTable.Builder _names = new();
    private readonly List<NodeKind> _kinds = [];
    private readonly List<int> _ownDomains = [];
    private readonly List<Instrument> _instruments = [];
    private readonly List<string?> _parentIds = [];
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _territoryByCode = new(StringComparer.Ordinal);

    private readonly StringTable.Builder _linkIds = new();
    private readonly List<LinkType> _linkTypes = [];
    private readonly List<int> _linkSource = [];
    private readonly List<int> _linkTarget = [];
    private readonly List<int> _linkSince = [];
    private readonly List<int> _linkUntil = [];
    private readonly List<int> _fundingLinks = [];
    private readonly List<Funding> _fundings = [];

    // Private nodes and links are few: kept as (index, authority id) pairs, resolved to indexes once every node is in.
    private readonly List<(int Index, string Owner)> _privateNodes = [];
    private readonly List<(int Index, string Owner)> _privateLinks = [];

    public void AddNode(Node node)
    {
        var index = _ids.Count;
        _indexOf.Add(node.Id, index);
        _ids.Add(node.Id);
        _names.Add(node.Name);
        _kinds.Add(node.Kind);
        _ownDomains.Add(node.OwnDomains.Bits);
        _instruments.Add(node is Policy policy ? policy.Instrument : default);
        _parentIds.Add(node is Territory territory ? territory.ParentId : null);
        if (node is Territory t)
        {
            _territoryByCode[t.Code] = index;
        }
        if (node.PrivateTo is { } owner)
        {
            _privateNodes.Add((index, owner));
        }
    }

    public void AddLink(Link link)
    {
        // A store never exports a link whose ends are missing; a generator or a test might, and must hear of it.
        if (!_indexOf.TryGetValue(link.SourceId, out var source) || !_indexOf.TryGetValue(link.TargetId, out var target))
        {
            throw new ArgumentException($"Link '{link.Id}' has an end that is not a node of the projection.", nameof(link));
        }
        if (link.PrivateTo is { } owner)
        {
            _privateLinks.Add((_linkTypes.Count, owner));
        }
        _linkIds.Add(link.Id);
        _linkTypes.Add(link.Type);
        _linkSource.Add(source);
        _linkTarget.Add(target);
        _linkSince.Add(link.Since?.DayNumber ?? GraphProjection.Unbounded);
        _linkUntil.Add(link.Until?.DayNumber ?? int.MaxValue);
        if (link.Type == LinkType.Funds)
        {
            _fundingLinks.Add(_linkTypes.Count - 1);
            _fundings.Add(new Funding(link.Amount, link.Year ?? link.Since?.Year, link.Instrument, link.Domain));
        }
    }

    public GraphProjection Build(long version, DateTimeOffset builtAt)
    {
        var n = _ids.Count;
        var types = _linkTypes.ToArray();
        var sources = _linkSource.ToArray();
        var targets = _linkTarget.ToArray();
        var typeCount = Enum.GetValues<LinkType>().Length;
        // One pass buckets link indexes by type; each CSR is then a counting sort of its bucket.
        var counts = new int[typeCount];
        foreach (var type in types)
        {
            counts[(int)type]++;
        }
        var byType = counts.Select(c => new int[c]).ToArray();
        var filled = new int[typeCount];
        for (var i = 0; i < types.Length; i++)
        {
            byType[(int)types[i]][filled[(int)types[i]]++] = i;
        }
        var outgoing = new Csr[typeCount];
        var incoming = new Csr[typeCount];
        for (var t = 0; t < typeCount; t++)
        {
            var links = byType[t];
            var from = new int[links.Length];
            var to = new int[links.Length];
            for (var i = 0; i < links.Length; i++)
            {
                from[i] = sources[links[i]];
                to[i] = targets[links[i]];
            }
            outgoing[t] = Csr.Build(n, from, to, links);
            incoming[t] = Csr.Build(n, to, from, links);
        }
        var cooperation = Undirected(n, byType[(int)LinkType.CooperatesWith], sources, targets);

        var kinds = _kinds.ToArray();
        var own = _ownDomains.ToArray();
        var domains = new int[n];
        var worksOn = outgoing[(int)LinkType.WorksOn];
        var locatedIn = outgoing[(int)LinkType.LocatedIn];
        var location = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (NodeDomains.AreOwn(kinds[i]))
            {
                domains[i] = own[i];
            }
            else if (kinds[i].IsActor())
            {
                foreach (var theme in worksOn.Neighbours(i))
                {
                    domains[i] |= own[theme];
                }
            }
            var places = locatedIn.Neighbours(i);
            location[i] = places.IsEmpty ? -1 : places[0];
        }

        var parents = _parentIds.Select(p => p is not null && _indexOf.TryGetValue(p, out var parent) ? parent : -1).ToArray();
        return new GraphProjection
        {
            Version = version,
            BuiltAt = builtAt,
            Ids = [.. _ids],
            Names = _names.Build(),
            Kinds = kinds,
            OwnDomains = own,
            Domains = domains,
            TerritoryParent = parents,
            TerritoryChildren = Children(parents),
            Location = location,
            Instruments = [.. _instruments],
            IndexOf = _indexOf,
            TerritoryByCode = _territoryByCode,
            LinkIds = _linkIds.Build(),
            LinkTypes = types,
            LinkSource = sources,
            LinkTarget = targets,
            LinkSince = [.. _linkSince],
            LinkUntil = [.. _linkUntil],
            FundingLinks = [.. _fundingLinks],
            Fundings = [.. _fundings],
            Out = outgoing,
            In = incoming,
            Cooperation = cooperation,
            Actors = Enumerable.Range(0, n).Where(i => kinds[i].IsActor()).ToArray(),
            NodeOwner = Owners(_privateNodes, n),
            LinkOwner = Owners(_privateLinks, types.Length),
        };
    }

    /// <summary>Each item's owner as the index of its authority, <see cref="GraphProjection.Public"/> when public; null when all are public.</summary>
    private int[]? Owners(List<(int Index, string Owner)> privateItems, int count)
    {
        if (privateItems.Count == 0)
        {
            return null;
        }
        var owners = new int[count];
        Array.Fill(owners, GraphProjection.Public);
        foreach (var (index, owner) in privateItems)
        {
            // An owner missing from the graph (none should be: deleting an authority deletes its data) hides the item from every viewer but the administrators.
            owners[index] = _indexOf.TryGetValue(owner, out var authority) ? authority : GraphProjection.NoViewer;
        }
        return owners;
    }

    private static Csr Children(int[] parents)
    {
        var children = Enumerable.Range(0, parents.Length).Where(t => parents[t] >= 0).ToArray();
        var above = children.Select(t => parents[t]).ToArray();
        return Csr.Build(parents.Length, above, children, Enumerable.Repeat(-1, children.Length).ToArray());
    }

    /// <summary>Each link once in each direction.</summary>
    public static Csr Undirected(int nodeCount, int[] links, int[] sources, int[] targets)
    {
        var from = new int[links.Length * 2];
        var to = new int[links.Length * 2];
        var ids = new int[links.Length * 2];
        for (var i = 0; i < links.Length; i++)
        {
            var (s, t) = (sources[links[i]], targets[links[i]]);
            (from[2 * i], to[2 * i], ids[2 * i]) = (s, t, links[i]);
            (from[2 * i + 1], to[2 * i + 1], ids[2 * i + 1]) = (t, s, links[i]);
        }
        return Csr.Build(nodeCount, from, to, ids);
    }
}
