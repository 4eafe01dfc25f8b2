using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Reach;

/// <summary>One actor a policy reaches, and whether it took the policy up.</summary>
/// <param name="EngagedIn">The year of its first engagement link, when that link is dated.</param>
public sealed record ReachedActor(int Actor, bool Establishment, bool Engaged, bool EngagedWithSse, int? EngagedIn)
{
    /// <summary>False for an establishment of the population the policy does not reach.</summary>
    public bool Reached { get; init; } = true;
}

/// <param name="Sources">The policy, or the service and the policies it owns.</param>
/// <param name="Reached">Actors reached, establishments first, then by id.</param>
/// <param name="Adoption">Engaged actors by year of engagement, cumulative, from the first year to the last.</param>
/// <param name="Undated">Engaged actors whose engagement links carry no date (not in the adoption curve).</param>
/// <param name="Population">The responsible authorities' establishments, by id.</param>
public sealed record ReachReport(
    int[] Sources, int[] Population, IReadOnlyList<ReachedActor> Reached, IReadOnlyList<(int Year, int Engaged)> Adoption, int Undated)
{
    public int Establishments => Population.Length;

    public int ReachedEstablishments => Reached.Count(r => r.Establishment);

    /// <summary>Every establishment of the population, by id, as reached (with its uptake) or not.</summary>
    public IEnumerable<ReachedActor> EstablishmentList()
    {
        var reached = Reached.Where(r => r.Establishment).ToDictionary(r => r.Actor);
        return Population.Select(p => reached.GetValueOrDefault(p) ?? new ReachedActor(p, true, false, false, null) { Reached = false });
    }

    /// <summary>Reached establishments over the authority's establishments; null when it has none.</summary>
    public double? EstablishmentShare => Establishments == 0 ? null : (double)ReachedEstablishments / Establishments;
}

/// <summary>
/// How far a policy (or a service's policies) has spread: which actors it reaches, and which of them took it up. The
/// definitions are the schema's (the reach field); in short: reached = joined to a source by a link of the given types;
/// engaged = reached and implementing, applying to or funded by a source, or cooperating with one of its implementers;
/// engaged with SSE = engaged and cooperating with an SSE organisation.
/// </summary>
public static class ReachAnalysis
{
    public static IReadOnlyList<LinkType> DefaultVia { get; } = [LinkType.Targets, LinkType.Implements];

    public static ReachReport Compute(GraphProjection projection, int from, IReadOnlyCollection<LinkType> via, int? day)
    {
        var sources = Sources(projection, from, day);
        var sourceSet = sources.ToHashSet();
        var population = Establishments(projection, sources, day);

        var reached = new SortedSet<int>();
        foreach (var source in sources)
        {
            foreach (var type in via)
            {
                foreach (var (end, _) in Ends(projection, source, type, day, both: true))
                {
                    if (projection.IsActor(end) && projection.Sees(end) && !sourceSet.Contains(end))
                    {
                        reached.Add(end);
                    }
                }
            }
        }

        var implementers = sources.SelectMany(s => Ends(projection, s, LinkType.Implements, day, both: true).Select(e => e.Node)).ToHashSet();
        var items = new List<ReachedActor>();
        foreach (var actor in reached)
        {
            var engagement = Engagement(projection, actor, sourceSet, implementers, day).ToList();
            var engaged = engagement.Count > 0;
            var withSse = engaged && Ends(projection, actor, LinkType.CooperatesWith, day, both: true).Any(e => projection.Kinds[e.Node] == NodeKind.SseActor);
            int? year = engagement.Select(l => YearOf(projection, l)).Where(y => y is not null).Min();
            items.Add(new ReachedActor(actor, population.Contains(actor), engaged, withSse, year));
        }
        items = items.OrderByDescending(i => i.Establishment).ThenBy(i => projection.Ids[i.Actor], StringComparer.Ordinal).ToList();

        var years = items.Where(i => i.EngagedIn is not null).Select(i => i.EngagedIn!.Value).ToList();
        var adoption = new List<(int, int)>();
        if (years.Count > 0)
        {
            for (var year = years.Min(); year <= years.Max(); year++)
            {
                adoption.Add((year, years.Count(y => y <= year)));
            }
        }
        return new ReachReport(sources, [.. population.OrderBy(p => projection.Ids[p], StringComparer.Ordinal)], items, adoption,
            items.Count(i => i.Engaged && i.EngagedIn is null));
    }

    /// <summary>A policy alone; a service with the policies it owns.</summary>
    private static int[] Sources(GraphProjection projection, int from, int? day) =>
        projection.Kinds[from] == NodeKind.Service
            ? [from, .. Ends(projection, from, LinkType.Owns, day, both: false).Select(e => e.Node).Where(n => projection.Kinds[n] == NodeKind.Policy).Order()]
            : [from];

    /// <summary>
    /// The establishments PART_OF the responsible authorities: a service's authority, a policy's owning authority or
    /// the authority of its owning service.
    /// </summary>
    private static HashSet<int> Establishments(GraphProjection projection, int[] sources, int? day)
    {
        var authorities = new HashSet<int>();
        foreach (var source in sources)
        {
            var owners = projection.Kinds[source] == NodeKind.Policy
                ? Ends(projection, source, LinkType.Owns, day, both: true).Select(e => e.Node)
                : [source];
            foreach (var owner in owners)
            {
                if (projection.Kinds[owner] == NodeKind.Authority)
                {
                    authorities.Add(owner);
                }
                else if (projection.Kinds[owner] == NodeKind.Service)
                {
                    authorities.UnionWith(Ends(projection, owner, LinkType.PartOf, day, both: false).Select(e => e.Node));
                }
            }
        }
        return authorities
            .SelectMany(a => Ends(projection, a, LinkType.PartOf, day, both: true).Select(e => e.Node))
            .Where(n => projection.Kinds[n] == NodeKind.Establishment && projection.Sees(n))
            .ToHashSet();
    }

    /// <summary>The links that make a reached actor engaged (empty: not engaged).</summary>
    private static IEnumerable<int> Engagement(GraphProjection projection, int actor, HashSet<int> sources, HashSet<int> implementers, int? day)
    {
        foreach (var type in new[] { LinkType.Implements, LinkType.AppliedTo, LinkType.Funds })
        {
            foreach (var (end, link) in Ends(projection, actor, type, day, both: true))
            {
                if (sources.Contains(end))
                {
                    yield return link;
                }
            }
        }
        foreach (var (end, link) in Ends(projection, actor, LinkType.CooperatesWith, day, both: true))
        {
            if (implementers.Contains(end) && end != actor)
            {
                yield return link;
            }
        }
    }

    private static int? YearOf(GraphProjection projection, int link) =>
        projection.LinkTypes[link] == LinkType.Funds && projection.FundingOf(link).Year is { } year ? year
            : projection.LinkSince[link] == GraphProjection.Unbounded ? null : DateOnly.FromDayNumber(projection.LinkSince[link]).Year;

    /// <summary>A node's neighbours by one link type, valid on the day: outgoing, and incoming too when asked.</summary>
    private static IEnumerable<(int Node, int Link)> Ends(GraphProjection projection, int node, LinkType type, int? day, bool both) =>
        both
            ? projection.ValidEnds(projection.Out[(int)type], node, day).Concat(projection.ValidEnds(projection.In[(int)type], node, day))
            : projection.ValidEnds(projection.Out[(int)type], node, day);
}
