using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;

namespace CoopGraph.Domain.Writes;

/// <summary>What a store must do to apply a checked batch, in this order: deletes, node upserts, relation replacements, link upserts.</summary>
public sealed record WritePlan
{
    public IReadOnlyList<UserError> Errors { get; init; } = [];
    public IReadOnlyList<string> DeleteLinkIds { get; init; } = [];
    public IReadOnlyList<string> DeleteNodeIds { get; init; } = [];
    public IReadOnlyList<Node> Nodes { get; init; } = [];
    public IReadOnlyList<RelationReplacement> Replacements { get; init; } = [];
    public IReadOnlyList<PlannedLink> Links { get; init; } = [];

    /// <summary>Who writes: a relation replaced removes only the links this writer sees (others' private links stay).</summary>
    public Viewer Writer { get; init; } = Viewer.Everything;

    public bool IsValid => Errors.Count == 0;
}

/// <summary>Remove the node's links of this type (in this direction) whose other end is not in <paramref name="KeepOtherIds"/>.</summary>
public sealed record RelationReplacement(string NodeId, LinkType Type, bool Incoming, IReadOnlyList<string> KeepOtherIds);

/// <param name="KeepExisting">True for links implied by a relation field: an existing link keeps its dates and notes.</param>
public sealed record PlannedLink(Link Link, bool KeepExisting);
