using CoopGraph.Domain.Analytics.Communities;
using CoopGraph.Domain.Analytics.Scoping;

namespace CoopGraph.Domain.Tests;

public sealed class CommunityMeasureTests
{
    [Fact]
    public void Modularity_OfTwoTrianglesJoinedByOneEdge_IsTheTextbookValue()
    {
        var graph = CooperationGraph.FromEdges(6, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);

        var q = Modularity.Of(graph, [0, 0, 0, 1, 1, 1]);

        // Each side: 3 of 7 edges inside, degree sum 7 of 14: 2 × (3/7 − 1/4).
        Assert.Equal(2 * (3.0 / 7 - 0.25), q, 1e-12);
        Assert.Equal([0, 0, 0, 1, 1, 1], Louvain.Detect(graph));
    }

    [Fact]
    public void NormalisedMutualInformation_IsOneForTheSameLabelling_AndZeroForIndependentOnes()
    {
        Assert.Equal(1.0, MutualInformation.Normalised([0, 0, 1, 1], [5, 5, 7, 7]), 12);
        Assert.Equal(0.0, MutualInformation.Normalised([0, 0, 1, 1], [0, 1, 0, 1]), 12);
    }
}
