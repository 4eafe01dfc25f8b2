using CoopGraph.Domain.Analytics.Paths;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Gaps;

public enum GapReasonKind
{
    SharedTheme,
    CommonPartner,
    SharedPolicy,
    SharedFunder,
    SameTerritory,
}

/// <param name="Nodes">The shared themes, partners, policies, funders or territory (projection indexes).</param>
/// <param name="Weight">This reason's part of the score.</param>
/// <param name="Detail">The reason in plain words.</param>
public sealed record GapReason(GapReasonKind Kind, double Weight, int[] Nodes, string Detail);

/// <param name="Source">The end whose id sorts first (ordinal).</param>
/// <param name="Hops">Current cooperation distance in the scope when at most <see cref="GapOptions.MaxHops"/>, else null.</param>
public sealed record CooperationGap(int Source, int Target, double Score, IReadOnlyList<GapReason> Reasons, int? Hops);

/// <summary>The position of the last gap of a page: the next page starts strictly after it.</summary>
public sealed record GapCursor(double Score, string SourceId, string TargetId);

public sealed record GapPage(IReadOnlyList<CooperationGap> Items, int TotalCount, bool HasNextPage);

/// <summary>The weights and limits of the gap score; documented in the API schema.</summary>
public sealed record GapOptions
{
    public int First { get; init; } = 20;
    public GapCursor? After { get; init; }
    public double MinScore { get; init; }

    /// <summary>When set, only pairs with at least one end among these nodes (an authority's own services, say).</summary>
    public IReadOnlySet<int>? Involving { get; init; }

    /// <summary>When set, only pairs with neither end among these nodes (the gaps between partners).</summary>
    public IReadOnlySet<int>? NotInvolving { get; init; }

    /// <summary>Weight of sharing a territory, added only to pairs found through another reason.</summary>
    public double SameTerritoryWeight { get; init; } = 0.25;

    /// <summary>
    /// Themes, policies, funders and partners shared by more actors than this do not generate candidates (each
    /// would add less than 1/ln(5000) ≈ 0.12); they still count in the score of pairs found another way.
    /// </summary>
    public int HubLimit { get; init; } = 5_000;

    public int MaxHops { get; init; } = 6;
}

/// <summary>
/// Pairs of actors in a scope who do not cooperate but have reasons to: shared themes, common partners,
/// shared policies, shared funders (each weighted à la Adamic-Adar, 1/ln(how many actors in scope share it)),
/// plus the same territory. Candidates come from those shared neighbourhoods only, never from all pairs;
/// every candidate is then scored exactly, in a fixed order, so scores and ranks are reproducible.
/// </summary>
public static class CooperationGaps
{
    public static GapPage Find(GraphProjection projection, int[] members, int? day, GapOptions options) =>
        Prepare(projection, members, day).Find(options);

    /// <summary>
    /// A scope's cooperation graph and shared features, built once and searched with any options: a dashboard asking for
    /// its services' gaps, its partners' gaps and the top gaps of its network builds them once, and so does paging.
    /// </summary>
    public static Prepared Prepare(GraphProjection projection, int[] members, int? day) =>
        new(projection, members, CooperationGraph.Of(projection, members, day), new Features(projection, members));

    public sealed class Prepared
    {
        private readonly GraphProjection _projection;
        private readonly int[] _members;
        private readonly CooperationGraph _graph;
        private readonly Features _features;

        internal Prepared(GraphProjection projection, int[] members, CooperationGraph graph, Features features)
        {
            _projection = projection;
            _members = members;
            _graph = graph;
            _features = features;
        }

        public GapPage Find(GapOptions options) => CooperationGaps.Find(_projection, _members, _graph, _features, options);
    }

    /// <summary>
    /// The score of any pair of members (0 when they share nothing), as <see cref="Find(GraphProjection, int[], int?, GapOptions)"/>
    /// would give it: for evaluating the score itself (back-tests), not for listing gaps.
    /// </summary>
    public static Func<int, int, double> Scorer(GraphProjection projection, int[] members, int? day, GapOptions options)
    {
        var graph = CooperationGraph.Of(projection, members, day);
        var features = new Features(projection, members);
        return (a, b) => graph.LocalOf(a) is { } x && graph.LocalOf(b) is { } y && x != y ? Total(graph, features, x, y, options) : 0;
    }

    private static GapPage Find(GraphProjection projection, int[] members, CooperationGraph graph, Features features, GapOptions options)
    {
        var k = members.Length;
        var comparer = new GapOrder(projection);
        // A max-heap on the order keeps the best 'First' items after the cursor.
        var best = new PriorityQueue<(int A, int B, double Score), (int A, int B, double Score)>(Comparer<(int A, int B, double Score)>.Create((x, y) => comparer.Compare(y, x)));
        var total = 0;
        var afterCursor = 0;
        var stamp = Enumerable.Repeat(-1, k).ToArray();
        var touched = new List<int>();
        for (var i = 0; i < k; i++)
        {
            touched.Clear();
            void Touch(int j)
            {
                if (j > i && stamp[j] != i)
                {
                    stamp[j] = i;
                    touched.Add(j);
                }
            }
            foreach (var group in features.GroupsOf(i))
            {
                if (group.Count <= options.HubLimit)
                {
                    foreach (var j in group)
                    {
                        Touch(j);
                    }
                }
            }
            foreach (var w in graph.Adjacency.Neighbours(i))
            {
                if (graph.Adjacency.Degree(w) <= options.HubLimit)
                {
                    foreach (var j in graph.Adjacency.Neighbours(w))
                    {
                        Touch(j);
                    }
                }
            }
            foreach (var j in touched)
            {
                if (graph.AreAdjacent(i, j) || !Wanted(members[i], members[j], options))
                {
                    continue;
                }
                var score = Total(graph, features, i, j, options);
                if (score < options.MinScore)
                {
                    continue;
                }
                total++;
                var item = Oriented(projection, members[i], members[j], score);
                if (options.After is { } after && comparer.CompareToCursor(item, after) <= 0)
                {
                    continue;
                }
                afterCursor++;
                best.Enqueue(item, item);
                if (best.Count > options.First)
                {
                    best.Dequeue();
                }
            }
        }
        var page = new List<(int A, int B, double Score)>();
        while (best.Count > 0)
        {
            page.Add(best.Dequeue());
        }
        page.Reverse();
        var items = page.Select(p =>
        {
            var (a, b) = (graph.LocalOf(p.A)!.Value, graph.LocalOf(p.B)!.Value);
            var scored = Score(graph, features, a, b, options);
            var hops = scored.Partners.Count > 0 ? 2 : Traversal.Distance(graph, a, b, options.MaxHops);
            return new CooperationGap(p.A, p.B, scored.Total, Reasons(projection, graph, features, scored, options), hops);
        }).ToList();
        return new GapPage(items, total, afterCursor > options.First);
    }

    private static bool Wanted(int a, int b, GapOptions options) =>
        (options.Involving is not { } involving || involving.Contains(a) || involving.Contains(b))
        && (options.NotInvolving is not { } avoided || !(avoided.Contains(a) || avoided.Contains(b)));

    private static (int A, int B, double Score) Oriented(GraphProjection projection, int a, int b, double score) =>
        string.CompareOrdinal(projection.Ids[a], projection.Ids[b]) <= 0 ? (a, b, score) : (b, a, score);

    private sealed record Scored(
        double Total, List<int> Themes, double ThemeWeight, List<int> Partners, double PartnerWeight,
        List<int> Policies, double PolicyWeight, List<int> Funders, double FunderWeight, int Territory, double TerritoryWeight);

    /// <summary>The exact score of a pair, summed in one fixed order so that equal pairs always get equal scores.</summary>
    private static Scored Score(CooperationGraph graph, Features features, int a, int b, GapOptions options)
    {
        var themes = SortedLists.Intersect(features.Themes[a], features.Themes[b]);
        var policies = SortedLists.Intersect(features.Policies[a], features.Policies[b]);
        var funders = SortedLists.Intersect(features.Funders[a], features.Funders[b]);
        var partners = LinkPrediction.CommonNeighbours(graph, a, b);
        var themeWeight = themes.Sum(t => 1 / Math.Log(features.ThemeMembers[t].Count));
        var partnerWeight = partners.Sum(w => 1 / Math.Log(graph.Adjacency.Degree(w)));
        var policyWeight = policies.Sum(p => 1 / Math.Log(features.PolicyMembers[p].Count));
        var funderWeight = funders.Sum(f => 1 / Math.Log(features.FunderMembers[f].Count));
        var territory = features.Territory[a] >= 0 && features.Territory[a] == features.Territory[b] ? features.Territory[a] : -1;
        var territoryWeight = territory >= 0 ? options.SameTerritoryWeight : 0;
        var total = themeWeight + partnerWeight + policyWeight + funderWeight + territoryWeight;
        return new Scored(total, themes, themeWeight, partners, partnerWeight, policies, policyWeight, funders, funderWeight, territory, territoryWeight);
    }

    /// <summary>
    /// <see cref="Score"/>'s total without its lists: every candidate pair is scored, and only a page's pairs need their
    /// reasons. The same terms are added in the same order, so the two totals are equal to the last bit.
    /// </summary>
    private static double Total(CooperationGraph graph, Features features, int a, int b, GapOptions options)
    {
        var themeWeight = SharedWeight(features.Themes[a], features.Themes[b], features.ThemeMembers);
        var partnerWeight = 0.0;
        foreach (var partner in SortedLists.Shared(graph.Adjacency.Neighbours(a), graph.Adjacency.Neighbours(b)))
        {
            partnerWeight += 1 / Math.Log(graph.Adjacency.Degree(partner));
        }
        var policyWeight = SharedWeight(features.Policies[a], features.Policies[b], features.PolicyMembers);
        var funderWeight = SharedWeight(features.Funders[a], features.Funders[b], features.FunderMembers);
        var territoryWeight = features.Territory[a] >= 0 && features.Territory[a] == features.Territory[b] ? options.SameTerritoryWeight : 0;
        return themeWeight + partnerWeight + policyWeight + funderWeight + territoryWeight;
    }

    /// <summary>The sum over the values both ascending lists hold of 1 / ln(how many members hold it), in ascending order.</summary>
    private static double SharedWeight(int[] x, int[] y, Dictionary<int, List<int>> holders)
    {
        var weight = 0.0;
        foreach (var shared in SortedLists.Shared(x, y))
        {
            weight += 1 / Math.Log(holders[shared].Count);
        }
        return weight;
    }

    private static List<GapReason> Reasons(GraphProjection projection, CooperationGraph graph, Features features, Scored s, GapOptions options)
    {
        string Named(int node) => "« " + projection.Names[node] + " »";
        var reasons = new List<GapReason>();
        if (s.Themes.Count > 0)
        {
            reasons.Add(new GapReason(GapReasonKind.SharedTheme, s.ThemeWeight, [.. s.Themes],
                "Both work on " + string.Join(", ", s.Themes.Select(t => $"{Named(t)} ({features.ThemeMembers[t].Count} actors in scope)")) + "."));
        }
        if (s.Partners.Count > 0)
        {
            var partners = s.Partners.Select(w => graph.Nodes[w]).ToArray();
            reasons.Add(new GapReason(GapReasonKind.CommonPartner, s.PartnerWeight, partners,
                "Both cooperate with " + string.Join(", ", s.Partners.Select(w => $"{Named(graph.Nodes[w])} ({graph.Adjacency.Degree(w)} partners)")) + "."));
        }
        if (s.Policies.Count > 0)
        {
            reasons.Add(new GapReason(GapReasonKind.SharedPolicy, s.PolicyWeight, [.. s.Policies],
                "Both take part in " + string.Join(", ", s.Policies.Select(p => $"{Named(p)} ({features.PolicyMembers[p].Count} actors in scope)")) + "."));
        }
        if (s.Funders.Count > 0)
        {
            reasons.Add(new GapReason(GapReasonKind.SharedFunder, s.FunderWeight, [.. s.Funders],
                "Both are funded by " + string.Join(", ", s.Funders.Select(f => $"{Named(f)} ({features.FunderMembers[f].Count} beneficiaries in scope)")) + "."));
        }
        if (s.Territory >= 0)
        {
            reasons.Add(new GapReason(GapReasonKind.SameTerritory, options.SameTerritoryWeight, [s.Territory], $"Both are located in {Named(s.Territory)}."));
        }
        return reasons;
    }

    /// <summary>Score descending, then source id, then target id (ordinal).</summary>
    private sealed class GapOrder(GraphProjection projection) : IComparer<(int A, int B, double Score)>
    {
        public int Compare((int A, int B, double Score) x, (int A, int B, double Score) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var bySource = string.CompareOrdinal(projection.Ids[x.A], projection.Ids[y.A]);
            return bySource != 0 ? bySource : string.CompareOrdinal(projection.Ids[x.B], projection.Ids[y.B]);
        }

        public int CompareToCursor((int A, int B, double Score) x, GapCursor cursor)
        {
            var byScore = cursor.Score.CompareTo(x.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var bySource = string.CompareOrdinal(projection.Ids[x.A], cursor.SourceId);
            return bySource != 0 ? bySource : string.CompareOrdinal(projection.Ids[x.B], cursor.TargetId);
        }
    }

    /// <summary>What each member shares with others: sorted theme, policy and funder lists, and who holds each.</summary>
    internal sealed class Features
    {
        public Features(GraphProjection projection, int[] members)
        {
            var k = members.Length;
            Themes = new int[k][];
            Policies = new int[k][];
            Funders = new int[k][];
            Territory = new int[k];
            for (var i = 0; i < k; i++)
            {
                var m = members[i];
                Themes[i] = SortedLists.Distinct(projection.Out[(int)LinkType.WorksOn].Neighbours(m));
                // Applications, implementations and funding may be private even between public nodes: only those the view sees.
                Policies[i] = SortedLists.Distinct([
                    .. projection.VisibleNeighbours(projection.Out[(int)LinkType.Implements], m),
                    .. projection.VisibleNeighbours(projection.Out[(int)LinkType.AppliedTo], m)]);
                Funders[i] = SortedLists.Distinct(projection.VisibleNeighbours(projection.In[(int)LinkType.Funds], m));
                Territory[i] = projection.Location[m];
                Add(ThemeMembers, Themes[i], i);
                Add(PolicyMembers, Policies[i], i);
                Add(FunderMembers, Funders[i], i);
            }
        }

        public int[][] Themes { get; }
        public int[][] Policies { get; }
        public int[][] Funders { get; }
        public int[] Territory { get; }
        public Dictionary<int, List<int>> ThemeMembers { get; } = [];
        public Dictionary<int, List<int>> PolicyMembers { get; } = [];
        public Dictionary<int, List<int>> FunderMembers { get; } = [];

        public IEnumerable<List<int>> GroupsOf(int i) =>
            Themes[i].Select(t => ThemeMembers[t])
                .Concat(Policies[i].Select(p => PolicyMembers[p]))
                .Concat(Funders[i].Select(f => FunderMembers[f]));

        private static void Add(Dictionary<int, List<int>> index, int[] keys, int member)
        {
            foreach (var key in keys)
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }
                list.Add(member);
            }
        }
    }
}
