using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Scoping;

/// <summary>Turns an <see cref="AnalysisScope"/> into the sorted indexes of the actors it keeps.</summary>
public static class ScopeResolver
{
    public static int[] Members(GraphProjection projection, AnalysisScope scope)
    {
        if (scope.KeepsEveryActor)
        {
            return projection.VisibleActors;
        }
        var keep = new bool[projection.NodeCount];
        foreach (var actor in projection.VisibleActors)
        {
            keep[actor] = true;
        }
        if (scope.AuthorityId is { } authorityId)
        {
            Intersect(keep, AuthorityCircle(projection, Require(projection, authorityId, NodeKind.Authority, "authority"), scope.Day));
        }
        if (scope.TerritoryCode is { } code)
        {
            if (!projection.TerritoryByCode.TryGetValue(code, out var territory))
            {
                throw new AnalysisInputException($"No territory has code '{code}'.");
            }
            Intersect(keep, LocatedWithin(projection, territory));
        }
        if (scope.ThemeIds is { Count: > 0 } themeIds)
        {
            var workers = new bool[projection.NodeCount];
            foreach (var themeId in themeIds)
            {
                foreach (var actor in projection.In[(int)LinkType.WorksOn].Neighbours(Require(projection, themeId, NodeKind.Theme, "theme")))
                {
                    workers[actor] = true;
                }
            }
            Intersect(keep, workers);
        }
        if (scope.Domains is { Count: > 0 } domains)
        {
            var mask = DomainSet.Of(domains).Bits;
            for (var i = 0; i < keep.Length; i++)
            {
                keep[i] &= (projection.Domains[i] & mask) != 0;
            }
        }
        if (scope.Kinds is { Count: > 0 } kinds)
        {
            var allowed = kinds.Select(k => k.ToNodeKind()).ToHashSet();
            for (var i = 0; i < keep.Length; i++)
            {
                keep[i] &= allowed.Contains(projection.Kinds[i]);
            }
        }
        return projection.Actors.Where(a => keep[a]).ToArray();
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

    private static bool[] AuthorityCircle(GraphProjection projection, int authority, int? day)
    {
        var circle = new bool[projection.NodeCount];
        circle[authority] = true;
        foreach (var service in Services(projection, authority))
        {
            circle[service] = true;
            var partners = projection.Cooperation.Neighbours(service);
            var links = projection.Cooperation.LinksOf(service);
            for (var i = 0; i < partners.Length; i++)
            {
                if (projection.IsValid(links[i], day))
                {
                    circle[partners[i]] = true;
                }
            }
        }
        return circle;
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

    private static void Intersect(bool[] keep, bool[] other)
    {
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] &= other[i];
        }
    }
}
