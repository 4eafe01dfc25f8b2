using CoopGraph.Domain.Analytics.Ranking;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

public sealed class AuthorityRankingTests
{
    [Fact]
    public void Ranks_ByServiceLinks_CountingALinkBetweenTwoOwnServicesOnce_AndLeavesOutAuthoritiesWithoutServices()
    {
        var projection = new TinyGraph()
            .Authority("a:one").Authority("a:two").Authority("a:none")
            .Service("s:1", "a:one", PolicyDomain.Social).Service("s:2", "a:one", PolicyDomain.Transport)
            .Service("s:3", "a:two", PolicyDomain.Social)
            .Sse("x").Sse("y").Sse("z")
            // a:one: s1-s2 (once), s1-x, s2-x, s3-s1 → 4 links; a:two: s3-x, s3-y, s3-z, s3-s1 → 4 (s3-s1 counts for both);
            // a:two's extra link y-z touches none of its services.
            .Cooperate("s:1", "s:2").Cooperate("s:1", "x").Cooperate("s:2", "x")
            .Cooperate("s:3", "x").Cooperate("s:3", "y").Cooperate("s:3", "z").Cooperate("s:3", "s:1").Cooperate("y", "z")
            .Build();

        var ranking = AuthorityRanking.MostCooperative(projection, 10);

        // Equal links: more services first.
        Assert.Equal(
            [("a:one", 2, 4), ("a:two", 1, 4)],
            ranking.Select(r => (projection.Ids[r.Authority], r.Services, r.ServiceLinks)).ToList());
    }

    [Fact]
    public void Breaks_Ties_ByServicesThenId_AndHonoursFirst()
    {
        var projection = new TinyGraph()
            .Authority("a:b").Authority("a:a").Authority("a:c")
            .Service("s:b", "a:b", PolicyDomain.Social).Service("s:a", "a:a", PolicyDomain.Social)
            .Service("s:c1", "a:c", PolicyDomain.Social).Service("s:c2", "a:c", PolicyDomain.Health)
            .Build();

        var ranking = AuthorityRanking.MostCooperative(projection, 2);

        Assert.Equal(["a:c", "a:a"], ranking.Select(r => projection.Ids[r.Authority]).ToList());
    }
}
