using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>Territories by the actors located in them or below, one level at a time.</summary>
public sealed class TerritoryRankingTests
{
    // fr holds r1 and r2; r1 holds d1 and d2. Actors: a, b in d1; c in d2; e in r2 itself; f located nowhere.
    private static readonly Analytics.Projection.GraphProjection Graph = new TinyGraph()
        .Territory("fr", "FR").Territory("r1", "R1", "fr").Territory("r2", "R2", "fr").Territory("d1", "D1", "r1").Territory("d2", "D2", "r1")
        .Territory("d3", "D3", "r2")
        .Sse("a").Sse("b").Sse("c").Sse("e").Sse("f")
        .Link(LinkType.LocatedIn, "a", "d1").Link(LinkType.LocatedIn, "b", "d1").Link(LinkType.LocatedIn, "c", "d2").Link(LinkType.LocatedIn, "e", "r2")
        .Build();

    private static (string, int)[] Below(string? parent) =>
        TerritoryRanking.Below(Graph, parent is null ? null : Graph.IndexOf[parent]).Select(t => (Graph.Ids[t.Territory], t.Actors)).ToArray();

    [Fact]
    public void Each_level_counts_the_actors_located_in_it_or_below_and_leaves_out_empty_territories()
    {
        Assert.Equal([("fr", 4)], Below(null));
        Assert.Equal([("r1", 3), ("r2", 1)], Below("fr"));
        Assert.Equal([("d1", 2), ("d2", 1)], Below("r1"));
        // d3 holds no actor: e is located in r2 itself.
        Assert.Empty(Below("r2"));
    }
}
