using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// What has been written since a bulk load began on an empty store, kept in memory while the load runs, so that the
/// checks of each batch stop asking SQLite about rows the load wrote itself (a third of an import's time went there).
/// Valid only while every write went through this store object: it holds the store's version after its last write,
/// and is dropped the moment the file shows another (another process wrote). Since the store was empty, a node id it
/// does not hold does not exist; link ids and link ends are kept as hashes only (ten million links would otherwise
/// keep their strings alive), so a hash it does not hold means "absent" and one it holds means "ask SQLite".
/// </summary>
internal sealed class BulkLoadMemory(long version)
{
    private readonly Dictionary<string, NodeKind> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _territoryByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codeOfTerritory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _authorityOfService = new(StringComparer.Ordinal);
    private readonly HashSet<int> _linkIds = [];
    private readonly HashSet<int> _linkKeys = [];

    /// <summary>The store's version after the last write this memory saw.</summary>
    public long Version { get; private set; } = version;

    /// <summary>The part of <paramref name="request"/> that SQLite must still answer.</summary>
    public FactsRequest Narrow(FactsRequest request) => request with
    {
        NodeIds = new HashSet<string>(),
        TerritoryCodes = new HashSet<string>(),
        ServiceIds = new HashSet<string>(),
        LinkIds = request.LinkIds.Where(id => _linkIds.Contains(Hash(id))).ToHashSet(StringComparer.Ordinal),
        LinkKeys = request.LinkKeys.Where(k => _linkKeys.Contains(Hash(k))).ToHashSet(),
    };

    /// <summary>The facts of <paramref name="request"/>: node kinds and territory codes from memory, the rest as SQLite gave them.</summary>
    public StoreFacts Complete(FactsRequest request, StoreFacts fromStore)
    {
        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        foreach (var id in request.NodeIds)
        {
            if (_kinds.TryGetValue(id, out var kind))
            {
                kinds[id] = kind;
            }
        }
        var territories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in request.TerritoryCodes)
        {
            if (_territoryByCode.TryGetValue(code, out var id))
            {
                territories[code] = id;
                kinds[id] = NodeKind.Territory;
            }
        }
        var authorities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in request.ServiceIds)
        {
            if (_authorityOfService.TryGetValue(service, out var authority))
            {
                authorities[service] = authority;
            }
        }
        return fromStore with { Kinds = kinds, TerritoryIdsByCode = territories, AuthorityOfService = authorities };
    }

    /// <summary>Takes in a committed write.</summary>
    public void Record(WritePlan plan, long version)
    {
        foreach (var id in plan.DeleteNodeIds)
        {
            _kinds.Remove(id);
            _authorityOfService.Remove(id);
            if (_codeOfTerritory.Remove(id, out var code))
            {
                _territoryByCode.Remove(code);
            }
        }
        foreach (var node in plan.Nodes)
        {
            _kinds[node.Id] = node.Kind;
            if (node is Territory territory)
            {
                if (_codeOfTerritory.TryGetValue(territory.Id, out var old) && old != territory.Code)
                {
                    _territoryByCode.Remove(old);
                }
                _codeOfTerritory[territory.Id] = territory.Code;
                _territoryByCode[territory.Code] = territory.Id;
            }
        }
        foreach (var link in plan.Links.Select(l => l.Link))
        {
            // The planner lets a service be part of one authority only, so its last PART_OF link names it.
            if (link.Type == LinkType.PartOf && _kinds.GetValueOrDefault(link.SourceId) == NodeKind.Service)
            {
                _authorityOfService[link.SourceId] = link.TargetId;
            }
            _linkIds.Add(Hash(link.Id));
            if (LinkRules.IsUniquePerEnds(link.Type))
            {
                var (source, target) = LinkRules.CanonicalEnds(link.Type, link.SourceId, link.TargetId);
                _linkKeys.Add(Hash(new LinkKey(link.Type, source, target)));
                _linkKeys.Add(Hash(new LinkKey(link.Type, link.SourceId, link.TargetId)));
            }
        }
        Version = version;
    }

    private static int Hash(string id) => StringComparer.Ordinal.GetHashCode(id);

    private static int Hash(LinkKey key) => HashCode.Combine(key.Type, Hash(key.SourceId), Hash(key.TargetId));
}
