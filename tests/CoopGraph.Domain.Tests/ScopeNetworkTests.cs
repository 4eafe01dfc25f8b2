using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>A territory's network on a graph one can draw: who is there, which programmes reach them, which links join them.</summary>
public sealed class ScopeNetworkTests
{
    // Territory 01 holds the commune c, the associations x, y, z; territory 02 holds w. The programme p funds c and x;
    // the programme q funds only w (outside). x and y cooperate; y cooperates with w (outside). z is linked to nothing.
    private static readonly Analytics.Projection.GraphProjection Graph = new TinyGraph()
        .Territory("t:1", "01").Territory("t:2", "02")
        .Authority("c").Sse("x").Sse("y").Sse("z").Sse("w")
        .Link(LinkType.LocatedIn, "c", "t:1").Link(LinkType.LocatedIn, "x", "t:1").Link(LinkType.LocatedIn, "y", "t:1")
        .Link(LinkType.LocatedIn, "z", "t:1").Link(LinkType.LocatedIn, "w", "t:2")
        .Policy("p", Instrument.Subsidy).Policy("q", Instrument.Subsidy)
        .Funds("p", "c", 10m, 2020).Funds("p", "x", 5m, 2020).Funds("p", "x", 6m, 2021).Funds("q", "w", 1m, 2020)
        .Cooperate("x", "y").Cooperate("y", "w")
        .Build();

    private static ScopeNetworkReport Network(int first, params LinkType[] types) =>
        ScopeNetwork.Compute(Graph, ScopeResolver.Members(Graph, new AnalysisScope { TerritoryCode = "01" }), types.Length > 0 ? types : Enum.GetValues<LinkType>(), null, first);

    private static string[] Ids(int[] nodes) => nodes.Select(n => Graph.Ids[n]).ToArray();

    [Fact]
    public void A_territorys_network_is_its_actors_the_programmes_that_reach_them_and_the_links_among_these()
    {
        var network = Network(100);

        Assert.Equal(4, network.Actors);
        Assert.Equal([(NodeKind.SseActor, 3), (NodeKind.Authority, 1)], network.ByKind);
        // p reaches c and x; q reaches only w, outside.
        Assert.Equal(1, network.Policies);
        // p→c, p→x twice (two years, two grants), x–y; y–w leaves the territory.
        Assert.Equal(4, network.Links);
        Assert.Equal(1, network.Isolated);
        Assert.False(network.Truncated);
        // Most linked first (p: 3, x: 3, c: 1, y: 1), then by id; z, linked to nothing, last.
        Assert.Equal(["p", "x", "c", "y", "z"], Ids(network.Nodes));
        Assert.Equal(4, network.Edges.Length);
    }

    [Fact]
    public void The_first_nodes_keep_only_the_links_between_them_and_say_the_network_is_truncated()
    {
        var network = Network(2);

        Assert.True(network.Truncated);
        Assert.Equal(["p", "x"], Ids(network.Nodes));
        Assert.Equal(2, network.Edges.Length);
        Assert.All(network.Edges, l => Assert.Equal(LinkType.Funds, Graph.LinkTypes[l]));
        // The counts are the whole network's, whatever is returned.
        Assert.Equal(4, network.Links);
    }

    [Fact]
    public void Link_types_choose_what_makes_the_network()
    {
        var network = Network(100, LinkType.CooperatesWith);

        Assert.Equal(0, network.Policies);
        Assert.Equal(1, network.Links);
        Assert.Equal(2, network.Isolated);
        Assert.Equal(["x", "y", "c", "z"], Ids(network.Nodes));
    }
}
