using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Scoping;

/// <summary>A territory and the actors located in it or below it.</summary>
public sealed record TerritoryActors(int Territory, int Actors);

/// <summary>
/// The territories one level below a territory (or the top of the tree), by the actors located in them or below, most
/// first, then by id: where a reader of a graph without services finds what the open data knows, and drills down.
/// </summary>
public static class TerritoryRanking
{
    public static IReadOnlyList<TerritoryActors> Below(GraphProjection projection, int? parent) => Below(projection, parent, ActorsWithin(projection));

    /// <param name="actors">Each territory's actors, from <see cref="ActorsWithin"/>: counted once for every level asked.</param>
    public static IReadOnlyList<TerritoryActors> Below(GraphProjection projection, int? parent, int[] actors) =>
        Enumerable.Range(0, projection.NodeCount)
            .Where(t => projection.Kinds[t] == NodeKind.Territory && projection.Sees(t)
                && (parent is { } p ? projection.TerritoryParent[t] == p : projection.TerritoryParent[t] < 0))
            .Where(t => actors[t] > 0)
            .OrderByDescending(t => actors[t]).ThenBy(t => projection.Ids[t], StringComparer.Ordinal)
            .Select(t => new TerritoryActors(t, actors[t]))
            .ToList();

    /// <summary>For each territory (by projection index), the visible actors located in it or below it.</summary>
    public static int[] ActorsWithin(GraphProjection projection)
    {
        var actors = new int[projection.NodeCount];
        foreach (var actor in projection.VisibleActors)
        {
            // The tree is a handful of levels deep; the guard only stops a cycle written by mistake.
            for (var (up, guard) = (projection.Location[actor], 0); up >= 0 && guard < 64; up = projection.TerritoryParent[up], guard++)
            {
                actors[up]++;
            }
        }
        return actors;
    }
}
