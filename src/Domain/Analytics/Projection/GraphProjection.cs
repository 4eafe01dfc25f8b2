using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Projection;

/// <summary>
/// An immutable, compact copy of the graph for analytics: nodes and links become integer indexes, adjacency
/// is kept as CSR per link type, domains as bitmasks. Built once per store version and shared by every
/// reader; nothing in it changes after <see cref="ProjectionBuilder.Build"/>.
/// </summary>
public sealed class GraphProjection
{
    /// <summary>Day number used for "no start date" and "no end date", so that validity is two comparisons.</summary>
    public const int Unbounded = int.MinValue;

    internal GraphProjection() { }

    public required long Version { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }

    public int NodeCount => Ids.Length;

    public int LinkCount => LinkTypes.Length;

    public required string[] Ids { get; init; }

    /// <summary>Node names, decoded on demand (only gap reasons quote them, and as strings they would weigh on a national projection).</summary>
    public required StringTable Names { get; init; }

    public required NodeKind[] Kinds { get; init; }

    /// <summary>A service's or theme's domain, a policy's domains: the node's own.</summary>
    public required int[] OwnDomains { get; init; }

    /// <summary>
    /// The domains of an actor as the analytics define them: a service's domain, a policy's domains, any other
    /// actor's the domains of the themes it works on. Zero when it has none.
    /// </summary>
    public required int[] Domains { get; init; }

    /// <summary>Parent territory index, or -1.</summary>
    public required int[] TerritoryParent { get; init; }

    /// <summary>The territory a node is LOCATED_IN (the first one if several), or -1.</summary>
    public required int[] Location { get; init; }

    /// <summary>A policy's instrument; meaningless for other kinds.</summary>
    public required Instrument[] Instruments { get; init; }

    public required IReadOnlyDictionary<string, int> IndexOf { get; init; }

    public required IReadOnlyDictionary<string, int> TerritoryByCode { get; init; }

    public required StringTable LinkIds { get; init; }

    public required LinkType[] LinkTypes { get; init; }

    public required int[] LinkSource { get; init; }

    public required int[] LinkTarget { get; init; }

    /// <summary>First valid day (<see cref="DateOnly.DayNumber"/>), or <see cref="Unbounded"/>.</summary>
    public required int[] LinkSince { get; init; }

    /// <summary>Last valid day, or <see cref="int.MaxValue"/>.</summary>
    public required int[] LinkUntil { get; init; }

    /// <summary>Outgoing adjacency per link type, indexed by <see cref="LinkType"/>.</summary>
    public required Csr[] Out { get; init; }

    /// <summary>Incoming adjacency per link type, indexed by <see cref="LinkType"/>.</summary>
    public required Csr[] In { get; init; }

    /// <summary>COOPERATES_WITH in both directions: the undirected cooperation graph.</summary>
    public required Csr Cooperation { get; init; }

    /// <summary>Every actor's index, ascending.</summary>
    public required int[] Actors { get; init; }

    public bool IsActor(int node) => Kinds[node].IsActor();

    public bool IsValid(int link, int? day) => day is not { } d || (LinkSince[link] <= d && d <= LinkUntil[link]);

    public int? Find(string id) => IndexOf.TryGetValue(id, out var index) ? index : null;

    public int CountNodes(NodeKind kind) => Kinds.Count(k => k == kind);

    public int CountLinks(LinkType type) => LinkTypes.Count(t => t == type);
}
