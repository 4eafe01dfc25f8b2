namespace CoopGraph.Domain.Model;

/// <summary>
/// Where a node's domains come from: the one rule that both stores' listings (as a parameter of their queries) and the
/// analytics' projection apply.
/// </summary>
public static class NodeDomains
{
    /// <summary>The kinds that carry their domains themselves; every other node has the domains of the themes it WORKS_ON.</summary>
    public static readonly IReadOnlyList<NodeKind> OwnKinds = [NodeKind.Service, NodeKind.Policy, NodeKind.Theme];

    /// <summary><see cref="OwnKinds"/> as stored, for queries.</summary>
    public static readonly IReadOnlyList<string> OwnKindNames = OwnKinds.Select(k => k.ToString()).ToList();

    public static bool AreOwn(NodeKind kind) => kind is NodeKind.Service or NodeKind.Policy or NodeKind.Theme;
}
