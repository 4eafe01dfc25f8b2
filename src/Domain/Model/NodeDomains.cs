namespace CoopGraph.Domain.Model;

/// <summary>
/// Where a node's domains come from: the one rule that both stores' listings (as a parameter of their queries) and the
/// analytics' projection apply.
/// </summary>
public static class NodeDomains
{
    /// <summary>Whether a kind carries its domains itself; every other node has the domains of the themes it WORKS_ON.</summary>
    public static bool AreOwn(NodeKind kind) => kind is NodeKind.Service or NodeKind.Policy or NodeKind.Theme;

    /// <summary>The kinds <see cref="AreOwn"/> holds for, as stored, for the stores' queries.</summary>
    public static readonly IReadOnlyList<string> OwnKindNames = Enum.GetValues<NodeKind>().Where(AreOwn).Select(k => k.ToString()).ToList();
}
