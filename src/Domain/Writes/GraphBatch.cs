using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Writes;

/// <summary>
/// One atomic write: everything in it is committed together or nothing is. Each item carries the path
/// under which its errors are reported (for the API, the index in the mutation's input list).
/// </summary>
public sealed record GraphBatch
{
    public IReadOnlyList<NodeUpsert> Nodes { get; init; } = [];
    public IReadOnlyList<LinkUpsert> Links { get; init; } = [];
    public IReadOnlyList<ItemDelete> NodeDeletes { get; init; } = [];
    public IReadOnlyList<ItemDelete> LinkDeletes { get; init; } = [];

    /// <summary>Check everything, write nothing: used to report every error of a batch some of whose items could not even be read.</summary>
    public bool ValidateOnly { get; init; }

    /// <summary>
    /// Who writes: what it cannot see it cannot touch (such ids answer as missing, or as taken), and a key bound to an
    /// authority writes only data private to it. CoopGraph's own loads (the command line) write as <see cref="Viewer.Everything"/>.
    /// </summary>
    public Viewer Writer { get; init; } = Viewer.Everything;

    public int Count => Nodes.Count + Links.Count + NodeDeletes.Count + LinkDeletes.Count;
}

/// <summary>Upserts a node and, for each relation set given, replaces its links of that type.</summary>
public sealed record NodeUpsert(Node Node, IReadOnlyList<object> Path)
{
    public IReadOnlyList<RelationSet> Relations { get; init; } = [];
}

/// <summary>
/// The complete set of links of one type between a node and others, as given in an input field
/// (<c>themeIds</c>, <c>authorityId</c>, <c>territoryCode</c>…). Links of that type not in the set are removed.
/// </summary>
/// <param name="Incoming">True when the node is the link's target (a policy's owner OWNS the policy).</param>
/// <param name="RefsAreTerritoryCodes">True when <paramref name="Refs"/> holds territory codes rather than node ids.</param>
public sealed record RelationSet(LinkType Type, string Field, IReadOnlyList<string> Refs, bool Incoming = false, bool RefsAreTerritoryCodes = false);

/// <param name="IdWasGiven">False when the id was derived from type and ends; such a link adopts the id of an existing link with the same ends.</param>
public sealed record LinkUpsert(Link Link, bool IdWasGiven, IReadOnlyList<object> Path);

public sealed record ItemDelete(string Id, IReadOnlyList<object> Path);
