using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Validation;

/// <summary>Which kinds of node each link type joins, and which link properties belong to which type.</summary>
public static class LinkRules
{
    private static readonly NodeKind[] Actors =
    [
        NodeKind.Authority, NodeKind.Service, NodeKind.SseActor, NodeKind.University, NodeKind.InnovationLab,
        NodeKind.Organisation, NodeKind.Establishment,
    ];

    // Computed once: the planner asks for every link of every batch, and a list per call was two allocations a link.
    private static readonly IReadOnlyList<NodeKind>[] Sources = Enum.GetValues<LinkType>().Select(SourcesOf).ToArray();

    private static readonly IReadOnlyList<NodeKind>[][] Targets = Enum.GetValues<LinkType>()
        .Select(t => Enum.GetValues<NodeKind>().Select(k => TargetsOf(t, k)).ToArray()).ToArray();

    public static IReadOnlyList<NodeKind> AllowedSources(LinkType type) => Sources[(int)type];

    public static IReadOnlyList<NodeKind> AllowedTargets(LinkType type, NodeKind source) => Targets[(int)type][(int)source];

    private static IReadOnlyList<NodeKind> SourcesOf(LinkType type) => type switch
    {
        // Any actor may fund: foundations, the State, associations that redistribute, a company's sponsorship.
        LinkType.Funds => [.. Actors, NodeKind.Policy],
        LinkType.PartOf => [NodeKind.Service, NodeKind.Authority, NodeKind.Establishment],
        // A programme may be run by an association (La Transfo, by La 27e Région), a foundation or a company, not only by a public body.
        LinkType.Owns => Actors,
        LinkType.Targets => [NodeKind.Policy],
        LinkType.Involves => [NodeKind.Policy],
        _ => Actors,
    };

    private static IReadOnlyList<NodeKind> TargetsOf(LinkType type, NodeKind source) => type switch
    {
        LinkType.PartOf => [NodeKind.Authority],
        LinkType.Owns or LinkType.Implements or LinkType.AppliedTo => [NodeKind.Policy],
        LinkType.WorksOn => [NodeKind.Theme],
        LinkType.Targets => [NodeKind.Theme, NodeKind.Territory, .. Actors],
        LinkType.LocatedIn => [NodeKind.Territory],
        LinkType.HostedBy when source == NodeKind.InnovationLab => [NodeKind.Authority],
        LinkType.Involves => [NodeKind.BeneficiaryGroup],
        _ => Actors,
    };

    /// <summary>
    /// Types for which one pair of ends carries at most one link; FUNDS and APPLIED_TO repeat over the years, INVOLVES
    /// once per stage.
    /// </summary>
    public static bool IsUniquePerEnds(LinkType type) => type is not (LinkType.Funds or LinkType.AppliedTo or LinkType.Involves);

    public static bool IsSymmetric(LinkType type) => type == LinkType.CooperatesWith;

    /// <summary>Puts the ends of a symmetric link in ordinal order so that A–B and B–A are the same link.</summary>
    public static (string Source, string Target) CanonicalEnds(LinkType type, string source, string target) =>
        IsSymmetric(type) && string.CompareOrdinal(source, target) > 0 ? (target, source) : (source, target);
}
