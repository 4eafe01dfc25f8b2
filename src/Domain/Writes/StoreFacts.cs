using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Writes;

/// <summary>Identifies a link by what makes it unique for the types that allow one link per pair of ends.</summary>
public readonly record struct LinkKey(LinkType Type, string SourceId, string TargetId);

/// <summary>What a batch needs to learn from the store before it can be checked.</summary>
public sealed record FactsRequest(
    IReadOnlySet<string> NodeIds,
    IReadOnlySet<string> TerritoryCodes,
    IReadOnlySet<string> ServiceIds,
    IReadOnlySet<string> DeletedNodeIds,
    IReadOnlySet<string> LinkIds,
    IReadOnlySet<LinkKey> LinkKeys)
{
    /// <summary>Only the existing links between these ends (see <see cref="BatchPlanner.CodeRelationKeys"/>).</summary>
    public static FactsRequest ForLinkKeys(IReadOnlySet<LinkKey> keys)
    {
        var none = new HashSet<string>();
        return new FactsRequest(none, none, none, none, none, keys);
    }
}

/// <summary>
/// The store's answers to a <see cref="FactsRequest"/>, read inside the write transaction so that the
/// checks and the write see the same state.
/// </summary>
public sealed record StoreFacts
{
    /// <summary>Kind of every requested node id that exists.</summary>
    public IReadOnlyDictionary<string, NodeKind> Kinds { get; init; } = new Dictionary<string, NodeKind>();

    /// <summary>The authority each requested node (and each dependant) that is private is private to (public nodes are absent).</summary>
    public IReadOnlyDictionary<string, string> PrivateTo { get; init; } = new Dictionary<string, string>();

    /// <summary>The authority each private link found by its ends (<see cref="LinkIdsByKey"/>) is private to.</summary>
    public IReadOnlyDictionary<string, string> PrivateLinks { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> TerritoryIdsByCode { get; init; } = new Dictionary<string, string>();

    /// <summary>The authority each requested service is currently PART_OF.</summary>
    public IReadOnlyDictionary<string, string> AuthorityOfService { get; init; } = new Dictionary<string, string>();

    /// <summary>For each node about to be deleted, the nodes that depend on it (services of an authority, child territories).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dependants { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, Link> LinksById { get; init; } = new Dictionary<string, Link>();

    public IReadOnlyDictionary<LinkKey, string> LinkIdsByKey { get; init; } = new Dictionary<LinkKey, string>();

    /// <summary>These facts with the links found by a second lookup of ends added.</summary>
    public StoreFacts WithLinkIdsByKey(IReadOnlyDictionary<LinkKey, string> more, IReadOnlyDictionary<string, string> moreOwners)
    {
        if (more.Count == 0)
        {
            return this;
        }
        var merged = new Dictionary<LinkKey, string>(LinkIdsByKey);
        foreach (var (key, id) in more)
        {
            merged[key] = id;
        }
        var owners = new Dictionary<string, string>(PrivateLinks, StringComparer.Ordinal);
        foreach (var (id, owner) in moreOwners)
        {
            owners[id] = owner;
        }
        return this with { LinkIdsByKey = merged, PrivateLinks = owners };
    }

    /// <summary><see cref="Dependants"/> from the (node, dependant) pairs a store read, in their order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> GroupDependants(IEnumerable<(string Owner, string Dependant)> pairs) =>
        pairs.GroupBy(p => p.Owner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Dependant).ToList(), StringComparer.Ordinal);
}
