using System.Collections.Concurrent;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Projection;

/// <summary>
/// An immutable, compact copy of the graph for analytics: nodes and links become integer indexes, adjacency
/// is kept as CSR per link type, domains as bitmasks. Built once per store version and shared by every
/// reader; nothing in it changes after <see cref="ProjectionBuilder.Build"/>.
/// <para>
/// One projection serves every viewer: private nodes and links carry their owner (<see cref="NodeOwner"/>,
/// <see cref="LinkOwner"/>), and <see cref="For"/> gives a viewer's view, which shares every array and only answers
/// <see cref="Sees"/>, <see cref="SeesLink"/> and <see cref="IsValid"/> for that viewer. Analyses run on a view see the
/// graph the viewer can see: they start from <see cref="VisibleActors"/> and cross only links the view sees.
/// </para>
/// </summary>
public sealed class GraphProjection
{
    /// <summary>Day number used for "no start date" and "no end date", so that validity is two comparisons.</summary>
    public const int Unbounded = int.MinValue;

    /// <summary>The owner of a public node or link.</summary>
    public const int Public = -1;

    /// <summary>An owner no viewer is bound to (see <see cref="ProjectionBuilder"/>), and the sight of a viewer that sees public data only.</summary>
    public const int NoViewer = -3;

    /// <summary>The sight of a viewer that sees everything.</summary>
    public const int SeesEverything = -2;

    private readonly ConcurrentDictionary<int, GraphProjection> _views = new();
    private readonly ConcurrentDictionary<int, int[]> _visibleActors = new();

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

    /// <summary>
    /// Each territory's child territories (the inverse of <see cref="TerritoryParent"/>), so that a territory's subtree
    /// costs its own size; <see cref="Csr.Links"/> holds -1, the tree being no link of the graph.
    /// </summary>
    public required Csr TerritoryChildren { get; init; }

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

    /// <summary>The FUNDS links, ascending, and their figures at the same positions in <see cref="Fundings"/>.</summary>
    public int[] FundingLinks { get; init; } = [];

    public Funding[] Fundings { get; init; } = [];

    /// <summary>A FUNDS link's amount, year and instrument (<see cref="FundingLinks"/> holds its position).</summary>
    public Funding FundingOf(int link) =>
        Array.BinarySearch(FundingLinks, link) is var at and >= 0 ? Fundings[at] : throw new ArgumentOutOfRangeException(nameof(link), "not a FUNDS link");

    /// <summary>Outgoing adjacency per link type, indexed by <see cref="LinkType"/>.</summary>
    public required Csr[] Out { get; init; }

    /// <summary>Incoming adjacency per link type, indexed by <see cref="LinkType"/>.</summary>
    public required Csr[] In { get; init; }

    /// <summary>COOPERATES_WITH in both directions: the undirected cooperation graph.</summary>
    public required Csr Cooperation { get; init; }

    /// <summary>Every actor's index, ascending.</summary>
    public required int[] Actors { get; init; }

    /// <summary>The authority (its index) each node is private to, or <see cref="Public"/>; null when every node is public.</summary>
    public int[]? NodeOwner { get; init; }

    /// <summary>The authority (its index) each link is private to (covering its ends), or <see cref="Public"/>; null when every link is public.</summary>
    public int[]? LinkOwner { get; init; }

    /// <summary>Whose view this is: <see cref="SeesEverything"/>, an authority's index, or <see cref="NoViewer"/> (public data only).</summary>
    public int Sight { get; private set; } = SeesEverything;

    /// <summary>
    /// This projection as <paramref name="viewer"/> sees it. Views share every array with the projection; they are made
    /// once per viewer and kept, and when nothing is private every viewer gets the projection itself.
    /// </summary>
    public GraphProjection For(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (CooperationOnly is not null)
        {
            // Views are kept per viewer on the projection they come from: a restricted one would hand out unrestricted views.
            throw new InvalidOperationException("Take the viewer's view first, then restrict its cooperation links.");
        }
        if (viewer.SeesAll || (NodeOwner is null && LinkOwner is null))
        {
            return this;
        }
        var sight = viewer.AuthorityId is { } authority && IndexOf.TryGetValue(authority, out var index) ? index : NoViewer;
        return _views.GetOrAdd(sight, s =>
        {
            var view = (GraphProjection)MemberwiseClone();
            view.Sight = s;
            return view;
        });
    }

    /// <summary>
    /// When set, the only COOPERATES_WITH links this view counts (a survey's links, say): every other cooperation link is,
    /// for <see cref="IsValid"/>, not there. Other types are untouched.
    /// </summary>
    public IReadOnlySet<int>? CooperationOnly { get; private set; }

    /// <summary>This view counting only <paramref name="links"/> among the COOPERATES_WITH links. Made per call, not kept.</summary>
    public GraphProjection WithCooperationOnly(IReadOnlySet<int> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var view = (GraphProjection)MemberwiseClone();
        view.CooperationOnly = links;
        return view;
    }

    /// <summary>The COOPERATES_WITH link between two nodes, or null when there is none.</summary>
    public int? CooperationLink(int a, int b)
    {
        var neighbours = Cooperation.Neighbours(a);
        var links = Cooperation.LinksOf(a);
        for (var i = 0; i < neighbours.Length; i++)
        {
            if (neighbours[i] == b)
            {
                return links[i];
            }
        }
        return null;
    }

    public bool Sees(int node) => NodeOwner is not { } owners || Allows(owners[node]);

    public bool SeesLink(int link) => LinkOwner is not { } owners || Allows(owners[link]);

    private bool Allows(int owner) => owner == Public || Sight == SeesEverything || owner == Sight;

    /// <summary>Every actor this view sees, ascending.</summary>
    public int[] VisibleActors => NodeOwner is null || Sight == SeesEverything
        ? Actors
        : _visibleActors.GetOrAdd(Sight, _ => Actors.Where(Sees).ToArray());

    public bool IsActor(int node) => Kinds[node].IsActor();

    /// <summary>Whether this view sees the link and, when a day is given, the link is valid on it.</summary>
    public bool IsValid(int link, int? day) => SeesLink(link)
        && (CooperationOnly is not { } only || LinkTypes[link] != LinkType.CooperatesWith || only.Contains(link))
        && (day is not { } d || (LinkSince[link] <= d && d <= LinkUntil[link]));

    /// <summary>The node's index, or null when there is no such node or this view does not see it.</summary>
    public int? Find(string id) => IndexOf.TryGetValue(id, out var index) && Sees(index) ? index : null;

    /// <summary>The nodes at the other end of <paramref name="node"/>'s links in <paramref name="csr"/> whose link this view sees.</summary>
    public int[] VisibleNeighbours(Csr csr, int node)
    {
        ArgumentNullException.ThrowIfNull(csr);
        var neighbours = csr.Neighbours(node);
        if (LinkOwner is null || Sight == SeesEverything)
        {
            return neighbours.ToArray();
        }
        var links = csr.LinksOf(node);
        var visible = new List<int>(neighbours.Length);
        for (var i = 0; i < neighbours.Length; i++)
        {
            if (SeesLink(links[i]))
            {
                visible.Add(neighbours[i]);
            }
        }
        return [.. visible];
    }

    /// <summary>
    /// The ends of <paramref name="node"/>'s links in <paramref name="csr"/> that this view sees, with their links, when
    /// the link is valid on <paramref name="day"/> (any day when null).
    /// </summary>
    public List<(int Node, int Link)> ValidEnds(Csr csr, int node, int? day)
    {
        ArgumentNullException.ThrowIfNull(csr);
        var ends = csr.Neighbours(node);
        var links = csr.LinksOf(node);
        var found = new List<(int, int)>(ends.Length);
        for (var k = 0; k < ends.Length; k++)
        {
            if (IsValid(links[k], day) && Sees(ends[k]))
            {
                found.Add((ends[k], links[k]));
            }
        }
        return found;
    }

    /// <summary>The nodes of this kind this view sees.</summary>
    public int CountNodes(NodeKind kind) => Enumerable.Range(0, NodeCount).Count(i => Kinds[i] == kind && Sees(i));

    /// <summary>The links of this type this view sees.</summary>
    public int CountLinks(LinkType type) => Enumerable.Range(0, LinkCount).Count(i => LinkTypes[i] == type && SeesLink(i));
}
