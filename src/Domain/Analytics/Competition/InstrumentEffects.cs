using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Competition;

/// <summary>Cooperation among a group of actors in two windows of years: before a policy starts, and from its start.</summary>
public sealed record GroupCooperation(int[] Actors, int Pairs, int CooperatingBefore, int CooperatingAfter)
{
    public double? ShareBefore => Pairs == 0 ? null : (double)CooperatingBefore / Pairs;

    public double? ShareAfter => Pairs == 0 ? null : (double)CooperatingAfter / Pairs;
}

/// <param name="StartYear">The policy's start year (its start date's, else its first funding or application's); null when unknown.</param>
/// <param name="DifferenceInDifferences">(participants' share after − before) − (comparison's after − before); null with <paramref name="Reason"/>.</param>
public sealed record InstrumentEffect(
    int Policy, int? StartYear, int Years, GroupCooperation Participants, GroupCooperation Comparison, double? DifferenceInDifferences, string? Reason);

/// <summary>The policies of one instrument: how many, how many measured, and the mean of their differences of differences.</summary>
public sealed record InstrumentSummary(Instrument Instrument, int Policies, int Measured, double? MeanDifferenceInDifferences, IReadOnlyList<InstrumentEffect> Effects);

/// <summary>
/// Whether a policy's participants came to cooperate more than comparable actors outside it did: a difference of
/// differences on the share of cooperating pairs, in the <c>years</c> before the policy's start and the <c>years</c> from
/// it. Participants: its applicants (APPLIED_TO) and beneficiaries (FUNDS from it). Comparison group: the actors outside
/// it that match a participant exactly on kind, on the territory one level above where they are located (a commune's
/// département), and on at least one theme (WORKS_ON). A pair cooperates in a window when a COOPERATES_WITH link
/// between them (consortia of public contracts included) is valid on one of its days; an undated link counts in both.
/// </summary>
public static class InstrumentEffects
{
    /// <summary>Fewer actors than this in either group, and the shares say nothing: the effect is null, with the reason.</summary>
    public const int MinGroupSize = 4;

    public const int DefaultYears = 2;

    public const int MaxYears = 20;

    public static InstrumentEffect Measure(GraphProjection projection, int policy, int? startYear, int years)
    {
        var participants = Participants(projection, policy);
        var start = startYear ?? FirstYear(projection, policy);
        var comparison = Comparison(projection, participants);
        if (start is not { } s)
        {
            return new InstrumentEffect(policy, null, years, Uncounted(participants), Uncounted(comparison), null,
                "the policy has no start date and no dated funding or application");
        }
        var (beforeFrom, beforeTo) = (Day(s - years, 1, 1), Day(s - 1, 12, 31));
        var (afterFrom, afterTo) = (Day(s, 1, 1), Day(s + years - 1, 12, 31));
        var inside = Count(projection, participants, beforeFrom, beforeTo, afterFrom, afterTo);
        var outside = Count(projection, comparison, beforeFrom, beforeTo, afterFrom, afterTo);
        var reason = participants.Length < MinGroupSize ? $"fewer than {MinGroupSize} participants ({participants.Length})"
            : comparison.Length < MinGroupSize ? $"fewer than {MinGroupSize} comparable actors outside the policy ({comparison.Length})"
            : null;
        double? did = reason is null
            ? (inside.ShareAfter!.Value - inside.ShareBefore!.Value) - (outside.ShareAfter!.Value - outside.ShareBefore!.Value)
            : null;
        return new InstrumentEffect(policy, s, years, inside, outside, did, reason);
    }

    /// <summary>
    /// The effect of every policy with a participant in scope (all policies without a scope), summed up by instrument:
    /// how many policies, how many could be measured, and the mean of their differences of differences.
    /// </summary>
    public static IReadOnlyList<InstrumentSummary> Compare(
        GraphProjection projection, IReadOnlySet<int>? scope, IReadOnlyDictionary<int, int> startYears, int years)
    {
        var effects = new List<InstrumentEffect>();
        for (var policy = 0; policy < projection.NodeCount; policy++)
        {
            if (projection.Kinds[policy] != NodeKind.Policy || !projection.Sees(policy))
            {
                continue;
            }
            if (scope is not null && !Participants(projection, policy).Any(scope.Contains))
            {
                continue;
            }
            effects.Add(Measure(projection, policy, startYears.TryGetValue(policy, out var year) ? year : null, years));
        }
        return effects
            .GroupBy(e => projection.Instruments[e.Policy])
            .Select(g =>
            {
                var measured = g.Where(e => e.DifferenceInDifferences is not null).ToList();
                return new InstrumentSummary(g.Key, g.Count(), measured.Count,
                    measured.Count == 0 ? null : measured.Average(e => e.DifferenceInDifferences!.Value), g.ToList());
            })
            .OrderBy(s => s.Instrument)
            .ToList();
    }

    /// <summary>Its applicants and beneficiaries, actors it sees, once each.</summary>
    public static int[] Participants(GraphProjection projection, int policy) =>
        projection.VisibleNeighbours(projection.In[(int)LinkType.AppliedTo], policy)
            .Concat(projection.VisibleNeighbours(projection.Out[(int)LinkType.Funds], policy))
            .Where(projection.IsActor).Distinct().Order().ToArray();

    private static int? FirstYear(GraphProjection projection, int policy)
    {
        var years = new List<int>();
        foreach (var link in projection.In[(int)LinkType.AppliedTo].LinksOf(policy))
        {
            if (projection.SeesLink(link) && projection.LinkSince[link] != GraphProjection.Unbounded)
            {
                years.Add(DateOnly.FromDayNumber(projection.LinkSince[link]).Year);
            }
        }
        foreach (var link in projection.Out[(int)LinkType.Funds].LinksOf(policy))
        {
            if (projection.SeesLink(link) && projection.FundingOf(link).Year is { } year)
            {
                years.Add(year);
            }
        }
        return years.Count == 0 ? null : years.Min();
    }

    /// <summary>Actors outside the policy matching a participant on kind, the territory above their location, and a theme.</summary>
    private static int[] Comparison(GraphProjection projection, int[] participants)
    {
        var inPolicy = participants.ToHashSet();
        var matched = new SortedSet<int>();
        var worksOn = projection.Out[(int)LinkType.WorksOn];
        foreach (var participant in participants)
        {
            if (Area(projection, participant) is not { } area)
            {
                continue;
            }
            foreach (var theme in worksOn.Neighbours(participant))
            {
                foreach (var other in projection.VisibleNeighbours(projection.In[(int)LinkType.WorksOn], theme))
                {
                    if (!inPolicy.Contains(other) && projection.Kinds[other] == projection.Kinds[participant] && Area(projection, other) == area)
                    {
                        matched.Add(other);
                    }
                }
            }
        }
        return [.. matched];
    }

    /// <summary>The territory one level above where an actor is located (a commune's département); null when unlocated or at the top.</summary>
    private static int? Area(GraphProjection projection, int actor) =>
        projection.Location[actor] is var place and >= 0 && projection.TerritoryParent[place] is var above and >= 0 ? above : null;

    /// <summary>A group whose windows are unknown: its size, no pair counted.</summary>
    private static GroupCooperation Uncounted(int[] actors) => new(actors, actors.Length * (actors.Length - 1) / 2, 0, 0);

    private static GroupCooperation Count(GraphProjection projection, int[] actors, int beforeFrom, int beforeTo, int afterFrom, int afterTo)
    {
        var set = actors.ToHashSet();
        var (before, after) = (0, 0);
        foreach (var a in actors)
        {
            var partners = projection.Cooperation.Neighbours(a);
            var links = projection.Cooperation.LinksOf(a);
            var (metBefore, metAfter) = (new HashSet<int>(), new HashSet<int>());
            for (var i = 0; i < partners.Length; i++)
            {
                var b = partners[i];
                if (b <= a || !set.Contains(b) || !projection.SeesLink(links[i]))
                {
                    continue;
                }
                // A pair counts once in a window, however many links join it.
                if (Overlaps(projection, links[i], beforeFrom, beforeTo) && metBefore.Add(b))
                {
                    before++;
                }
                if (Overlaps(projection, links[i], afterFrom, afterTo) && metAfter.Add(b))
                {
                    after++;
                }
            }
        }
        return new GroupCooperation(actors, actors.Length * (actors.Length - 1) / 2, before, after);
    }

    private static bool Overlaps(GraphProjection projection, int link, int from, int to) =>
        projection.LinkSince[link] <= to && projection.LinkUntil[link] >= from;

    private static int Day(int year, int month, int day) => new DateOnly(Math.Clamp(year, 1, 9999), month, day).DayNumber;
}
