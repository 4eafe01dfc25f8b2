using System.IO.Hashing;
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
/// keep their strings alive), so a hash it does not hold means "absent" and one it holds means "ask SQLite". The
/// hashes have 64 bits: with 32, a region's load already met a few dozen chance collisions, each one a batch that had
/// to ask SQLite and so could not be checked ahead of its write. Their seed is drawn for each load, so that no one can
/// prepare ids that collide.
/// </summary>
internal sealed class BulkLoadMemory(long version)
{
    private readonly Dictionary<string, NodeKind> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _territoryByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codeOfTerritory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _authorityOfService = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _privateTo = new(StringComparer.Ordinal);
    private readonly HashSet<long> _linkIds = [];
    private readonly HashSet<long> _linkKeys = [];
    private readonly long _seed = Random.Shared.NextInt64();

    /// <summary>The store's version after the last committed write this memory saw.</summary>
    public long Version { get; set; } = version;

    /// <summary>The part of <paramref name="request"/> that SQLite must still answer.</summary>
    public FactsRequest Narrow(FactsRequest request) => request with
    {
        NodeIds = Empty,
        TerritoryCodes = Empty,
        ServiceIds = Empty,
        LinkIds = Held(request.LinkIds, id => _linkIds.Contains(Hash(id)), StringComparer.Ordinal),
        LinkKeys = Held(request.LinkKeys, k => _linkKeys.Contains(Hash(k)), EqualityComparer<LinkKey>.Default),
    };

    /// <summary>
    /// The facts of a request: node kinds, territory codes and authorities straight from memory (the planner only looks
    /// up the ids it asked about, and every node that exists is in memory), the rest as SQLite gave them.
    /// </summary>
    public StoreFacts Complete(StoreFacts fromStore) =>
        fromStore with { Kinds = _kinds, PrivateTo = _privateTo, TerritoryIdsByCode = _territoryByCode, AuthorityOfService = _authorityOfService };

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();

    /// <summary>
    /// Whether checking <paramref name="batch"/> needs SQLite: it deletes, or names a link id or a pair of ends that the
    /// memory may hold (<see cref="Narrow"/> would leave something to ask). Asked of every batch checked ahead, so it
    /// looks the batch through without building the request's sets.
    /// </summary>
    public bool NeedsStore(GraphBatch batch)
    {
        if (batch.NodeDeletes.Count > 0 || batch.LinkDeletes.Count > 0)
        {
            return true;
        }
        foreach (var upsert in batch.Links)
        {
            var link = upsert.Link;
            if (_linkIds.Contains(Hash(link.Id)) || LinkRules.IsUniquePerEnds(link.Type) && HoldsEnds(link.Type, link.SourceId, link.TargetId))
            {
                return true;
            }
        }
        foreach (var upsert in batch.Nodes)
        {
            foreach (var relation in upsert.Relations.Where(r => !r.RefsAreTerritoryCodes))
            {
                foreach (var other in relation.Refs)
                {
                    var (source, target) = relation.Incoming ? (other, upsert.Node.Id) : (upsert.Node.Id, other);
                    if (HoldsEnds(relation.Type, source, target))
                    {
                        return true;
                    }
                }
            }
        }
        // Relations given by territory code, resolved as the planner will: from the batch, then from what the memory holds.
        foreach (var key in BatchPlanner.CodeRelationKeys(batch, new StoreFacts { TerritoryIdsByCode = _territoryByCode }))
        {
            if (_linkKeys.Contains(Hash(key)))
            {
                return true;
            }
        }
        return false;
    }

    private bool HoldsEnds(LinkType type, string source, string target)
    {
        var (first, second) = LinkRules.CanonicalEnds(type, source, target);
        return _linkKeys.Contains(Hash(new LinkKey(type, first, second)));
    }

    // Most batches of a load hold only new links: the set is made only for the first id the memory may hold.
    private static IReadOnlySet<T> Held<T>(IReadOnlySet<T> values, Func<T, bool> held, IEqualityComparer<T> comparer)
    {
        HashSet<T>? result = null;
        foreach (var value in values)
        {
            if (held(value))
            {
                (result ??= new HashSet<T>(comparer)).Add(value);
            }
        }
        return result ?? (IReadOnlySet<T>)new HashSet<T>(comparer);
    }

    /// <summary>
    /// Takes in a write: once it is committed, or ahead of its commit when the next batches are checked while it is
    /// written (the store then drops the memory if the write fails). <see cref="Version"/> is the caller's to move.
    /// </summary>
    /// <returns>
    /// Whether every link of the plan is new: its id and its ends held by no link before it, in the store or earlier
    /// in the plan. Only then may its rows be inserted without a conflict clause while the unique link indexes are
    /// deferred. A chance collision of hashes answers "no", which costs speed, never a check.
    /// </returns>
    public bool Record(WritePlan plan)
    {
        if (plan.DeleteNodeIds.Count > 0 && _privateTo.Count > 0)
        {
            // A deleted authority takes the nodes private to it along (the store deletes them in the same write).
            var deleted = plan.DeleteNodeIds.ToHashSet(StringComparer.Ordinal);
            foreach (var (id, _) in _privateTo.Where(p => deleted.Contains(p.Value)).ToList())
            {
                _kinds.Remove(id);
                _privateTo.Remove(id);
                _authorityOfService.Remove(id);
            }
        }
        foreach (var id in plan.DeleteNodeIds)
        {
            _kinds.Remove(id);
            _privateTo.Remove(id);
            _authorityOfService.Remove(id);
            if (_codeOfTerritory.Remove(id, out var code))
            {
                _territoryByCode.Remove(code);
            }
        }
        foreach (var node in plan.Nodes)
        {
            _kinds[node.Id] = node.Kind;
            if (node.PrivateTo is { } owner)
            {
                _privateTo[node.Id] = owner;
            }
            else
            {
                _privateTo.Remove(node.Id);
            }
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
        var allNew = true;
        foreach (var link in plan.Links.Select(l => l.Link))
        {
            // The planner lets a service be part of one authority only, so its last PART_OF link names it.
            if (link.Type == LinkType.PartOf && _kinds.GetValueOrDefault(link.SourceId) == NodeKind.Service)
            {
                _authorityOfService[link.SourceId] = link.TargetId;
            }
            allNew &= _linkIds.Add(Hash(link.Id));
            if (LinkRules.IsUniquePerEnds(link.Type))
            {
                // The ends as the row will hold them first: those are what the unique index compares.
                allNew &= _linkKeys.Add(Hash(new LinkKey(link.Type, link.SourceId, link.TargetId)));
                var (source, target) = LinkRules.CanonicalEnds(link.Type, link.SourceId, link.TargetId);
                if (!ReferenceEquals(source, link.SourceId))
                {
                    _linkKeys.Add(Hash(new LinkKey(link.Type, source, target)));
                }
            }
        }
        return allNew;
    }

    private long Hash(string id) => Hash(id, _seed);

    private long Hash(LinkKey key) => Hash(key.TargetId, Hash(key.SourceId, _seed + (long)key.Type));

    private static long Hash(string text, long seed) =>
        (long)XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()), seed);
}
