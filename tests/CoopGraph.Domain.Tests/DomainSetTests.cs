using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;

namespace CoopGraph.Domain.Tests;

public sealed class DomainSetTests
{
    [Fact]
    public void DomainSet_RoundTripsEveryDomain()
    {
        var all = Enum.GetValues<PolicyDomain>();

        Assert.Equal(all, DomainSet.Of(all).ToList());
        Assert.True(DomainSet.Of(PolicyDomain.Social).Overlaps(DomainSet.Of([PolicyDomain.Social, PolicyDomain.Housing])));
        Assert.False(DomainSet.Of(PolicyDomain.Social).Overlaps(DomainSet.Of(PolicyDomain.Housing)));
    }

    [Fact]
    public void LinkIds_AreTheSameForBothDirectionsOfACooperation_AndDifferForOtherTypes()
    {
        Assert.Equal(LinkIds.Derive(LinkType.CooperatesWith, "a", "b"), LinkIds.Derive(LinkType.CooperatesWith, "b", "a"));
        Assert.NotEqual(LinkIds.Derive(LinkType.MemberOf, "a", "b"), LinkIds.Derive(LinkType.MemberOf, "b", "a"));
        Assert.True(LinkIds.Derive(LinkType.CooperatesWith, new string('a', 200), new string('b', 200)).Length <= Limits.MaxIdLength);
    }

    [Fact]
    public void LinkTypeNames_AreConstantCase()
    {
        Assert.Equal("COOPERATES_WITH", LinkTypeNames.ToConstant(LinkType.CooperatesWith));
        Assert.Equal(LinkType.HostedBy, LinkTypeNames.Parse("HOSTED_BY"));
    }
}
