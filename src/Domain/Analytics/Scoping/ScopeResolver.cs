using System.Runtime.InteropServices;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Scoping;

/// <summary>Turns an <see cref="AnalysisScope"/> into the sorted indexes of the actors it keeps.</summary>
public static class ScopeResolver
{
    public static int[] Members(GraphProjection projection, AnalysisScope scope)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.KeepsEveryActor)
        {
            return projection.VisibleActors;
        }
        // A scope of a national graph is usually small: an authority's circle of a few hundred actors, a commune's
        // actors, the workers of a theme. Those fields each give a sorted set the members lie in; the smallest is the
        // candidates and the others are looked up in, so that a scope costs its own size, not the graph's. The
        // remaining fields filter the candidates, each node alone.
        var within = new List<int[]>();
        if (scope.AuthorityId is { } authorityId)
        {
            within.Add(AuthorityCircle(projection, Require(projection, authorityId, NodeKind.Authority, "authority"), scope.Day));
        }
        if (scope.TerritoryCode is { } code)
        {
            within.Add(projection.TerritoryByCode.TryGetValue(code, out var territory)
                ? LocatedWithin(projection, territory)
                : throw new AnalysisInputException($"No territory has code '{code}'."));
        }
        if (scope.ThemeIds is { Count: > 0 } themeIds)
        {
            within.Add(Workers(projection, themeIds));
        }
        var keeps = new List<Func<int, bool>>();
        if (scope.Domains is { Count: > 0 } domains)
        {
            var mask = DomainSet.Of(domains).Bits;
            keeps.Add(node => (projection.Domains[node] & mask) != 0);
        }
        if (scope.Kinds is { Count: > 0 } kinds)
        {
            var allowed = kinds.Select(k => k.ToNodeKind()).ToHashSet();
            keeps.Add(node => allowed.Contains(projection.Kinds[node]));
        }
        var candidates = projection.VisibleActors;
        if (within.Count > 0)
        {
            within.Sort((x, y) => x.Length.CompareTo(y.Length));
            candidates = within[0];
            keeps.Add(node => projection.IsActor(node) && projection.Sees(node));
            foreach (var set in within.Skip(1))
            {
                keeps.Add(node => Array.BinarySearch(set, node) >= 0);
            }
        }
        return candidates.Where(node => keeps.TrueForAll(keep => keep(node))).ToArray();
    }

    public static int Require(GraphProjection projection, string id, NodeKind kind, string what) =>
        projection.Find(id) is { } index && projection.Kinds[index] == kind
            ? index
            : throw new AnalysisInputException($"No {what} has id '{id}'.");

    /// <summary>The services of an authority (PART_OF it), in index order.</summary>
    public static int[] Services(GraphProjection projection, int authority)
    {
        var services = projection.In[(int)LinkType.PartOf].Neighbours(authority).ToArray()
            .Where(s => projection.Kinds[s] == NodeKind.Service && projection.Sees(s)).ToArray();
        Array.Sort(services);
        return services;
    }

    /// <summary>The authority, its services and their partners by links valid on the day, ascending, each once.</summary>
    private static int[] AuthorityCircle(GraphProjection projection, int authority, int? day)
    {
        var circle = new List<int> { authority };
        foreach (var service in Services(projection, authority))
        {
            circle.Add(service);
            var partners = projection.Cooperation.Neighbours(service);
            var links = projection.Cooperation.LinksOf(service);
            for (var i = 0; i < partners.Length; i++)
            {
                if (projection.IsValid(links[i], day))
                {
                    circle.Add(partners[i]);
                }
            }
        }
        return SortedLists.Distinct(CollectionsMarshal.AsSpan(circle));
    }

    /// <summary>The actors LOCATED_IN the territory or any territory below it, ascending, each once.</summary>
    private static int[] LocatedWithin(GraphProjection projection, int root)
    {
        var located = new List<int>();
        var locatedIn = projection.In[(int)LinkType.LocatedIn];
        // Walked down from the root, each territory once: a parent loop in bad data must not walk forever.
        var seen = new HashSet<int> { root };
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var territory))
        {
            foreach (var node in locatedIn.Neighbours(territory))
            {
                if (projection.IsActor(node))
                {
                    located.Add(node);
                }
            }
            foreach (var child in projection.TerritoryChildren.Neighbours(territory))
            {
                if (seen.Add(child))
                {
                    pending.Push(child);
                }
            }
        }
        return SortedLists.Distinct(CollectionsMarshal.AsSpan(located));
    }

    /// <summary>The nodes that WORK_ON any of the themes, ascending, each once.</summary>
    private static int[] Workers(GraphProjection projection, IEnumerable<string> themeIds)
    {
        var workers = new List<int>();
        var worksOn = projection.In[(int)LinkType.WorksOn];
        foreach (var themeId in themeIds)
        {
            foreach (var node in worksOn.Neighbours(Require(projection, themeId, NodeKind.Theme, "theme")))
            {
                workers.Add(node);
            }
        }
        return SortedLists.Distinct(CollectionsMarshal.AsSpan(workers));
    }
}
