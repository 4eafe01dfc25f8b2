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
        // An authority's circle is a few hundred nodes of a graph of a million: start from it rather than from every
        // actor, so that a scope costs its own size, not the graph's. Other fields filter the candidates, each node alone.
        var candidates = scope.AuthorityId is { } authorityId
            ? AuthorityCircle(projection, Require(projection, authorityId, NodeKind.Authority, "authority"), scope.Day)
            : projection.VisibleActors;
        var keeps = new List<Func<int, bool>>();
        if (scope.AuthorityId is not null)
        {
            keeps.Add(node => projection.IsActor(node) && projection.Sees(node));
        }
        if (scope.TerritoryCode is { } code)
        {
            if (!projection.TerritoryByCode.TryGetValue(code, out var territory))
            {
                throw new AnalysisInputException($"No territory has code '{code}'.");
            }
            var located = LocatedWithin(projection, territory);
            keeps.Add(node => located[node]);
        }
        if (scope.ThemeIds is { Count: > 0 } themeIds)
        {
            var workers = new HashSet<int>();
            foreach (var themeId in themeIds)
            {
                workers.UnionWith(projection.In[(int)LinkType.WorksOn].Neighbours(Require(projection, themeId, NodeKind.Theme, "theme")).ToArray());
            }
            keeps.Add(workers.Contains);
        }
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
        circle.Sort();
        return [.. circle.Distinct()];
    }

    private static bool[] LocatedWithin(GraphProjection projection, int territory)
    {
        // A territory is within the root when walking up its parents reaches it; depth is a handful of levels.
        var within = new bool[projection.NodeCount];
        for (var t = 0; t < projection.NodeCount; t++)
        {
            if (projection.Kinds[t] != NodeKind.Territory)
            {
                continue;
            }
            for (var (up, guard) = (t, 0); up >= 0 && guard < 64; up = projection.TerritoryParent[up], guard++)
            {
                if (up == territory)
                {
                    within[t] = true;
                    break;
                }
            }
        }
        var located = new bool[projection.NodeCount];
        var locatedIn = projection.Out[(int)LinkType.LocatedIn];
        foreach (var actor in projection.Actors)
        {
            foreach (var place in locatedIn.Neighbours(actor))
            {
                located[actor] |= within[place];
            }
        }
        return located;
    }
}
