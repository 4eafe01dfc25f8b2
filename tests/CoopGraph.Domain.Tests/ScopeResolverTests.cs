using CoopGraph.Domain.Analytics;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Analytics.Scoping;
using CoopGraph.Domain.Generation;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>
/// A scope starts from an authority's circle when it names one; the members must be those of the definition:
/// every visible actor, kept when it passes each field of the scope.
/// </summary>
public sealed class ScopeResolverTests
{
    [Fact]
    public void RandomScopes_KeepTheActorsTheDefinitionKeeps()
    {
        var builder = new ProjectionBuilder();
        new GraphGenerator(GeneratorScale.Demo).Generate(builder);
        var p = builder.Build(1, DateTimeOffset.UnixEpoch);
        string[] Of(NodeKind kind) => [.. Enumerable.Range(0, p.NodeCount).Where(i => p.Kinds[i] == kind).Select(i => p.Ids[i])];
        var authorities = Of(NodeKind.Authority);
        var themes = Of(NodeKind.Theme);
        var codes = p.TerritoryByCode.Keys.Order(StringComparer.Ordinal).ToArray();
        var random = new SplitMix64(5);
        T? Maybe<T>(T value) where T : class => random.NextInt(2) == 0 ? value : null;
        var sizes = new List<int>();

        for (var k = 0; k < 300; k++)
        {
            var scope = new AnalysisScope
            {
                AuthorityId = Maybe(authorities[random.NextInt(authorities.Length)]),
                TerritoryCode = random.NextInt(3) == 0 ? codes[random.NextInt(codes.Length)] : null,
                ThemeIds = random.NextInt(3) == 0 ? [themes[random.NextInt(themes.Length)], themes[random.NextInt(themes.Length)]] : null,
                Domains = random.NextInt(3) == 0 ? [Enum.GetValues<PolicyDomain>()[random.NextInt(Enum.GetValues<PolicyDomain>().Length)]] : null,
                Kinds = random.NextInt(3) == 0 ? [Enum.GetValues<ActorKind>()[random.NextInt(Enum.GetValues<ActorKind>().Length)]] : null,
                AsOf = random.NextInt(2) == 0 ? new DateOnly(2012 + random.NextInt(14), 6, 1) : null,
            };

            var members = ScopeResolver.Members(p, scope);

            Assert.Equal(Definition(p, scope), members);
            sizes.Add(members.Length);
        }
        // Scopes of every size were compared, empty and large ones among them.
        Assert.Contains(0, sizes);
        Assert.Contains(sizes, s => s is > 0 and < 50);
        Assert.Contains(sizes, s => s > 200);
    }

    /// <summary>The definition, field by field over every actor.</summary>
    private static int[] Definition(GraphProjection p, AnalysisScope scope) =>
        [.. p.VisibleActors.Where(a =>
            (scope.AuthorityId is not { } authority || InCircle(p, p.Find(authority)!.Value, a, scope.Day))
            && (scope.TerritoryCode is not { } code || Within(p, a, p.TerritoryByCode[code]))
            && (scope.ThemeIds is not { Count: > 0 } themes || themes.Any(t => p.Out[(int)LinkType.WorksOn].Neighbours(a).Contains(p.Find(t)!.Value)))
            && (scope.Domains is not { Count: > 0 } domains || domains.Any(d => (p.Domains[a] & DomainSet.Of([d]).Bits) != 0))
            && (scope.Kinds is not { Count: > 0 } kinds || kinds.Any(k => k.ToNodeKind() == p.Kinds[a])))];

    private static bool InCircle(GraphProjection p, int authority, int actor, int? day)
    {
        if (actor == authority)
        {
            return true;
        }
        var services = ScopeResolver.Services(p, authority);
        if (services.Contains(actor))
        {
            return true;
        }
        return services.Any(s =>
        {
            var partners = p.Cooperation.Neighbours(s);
            var links = p.Cooperation.LinksOf(s);
            for (var i = 0; i < partners.Length; i++)
            {
                if (partners[i] == actor && p.IsValid(links[i], day))
                {
                    return true;
                }
            }
            return false;
        });
    }

    private static bool Within(GraphProjection p, int actor, int territory)
    {
        foreach (var place in p.Out[(int)LinkType.LocatedIn].Neighbours(actor))
        {
            for (var up = place; up >= 0; up = p.TerritoryParent[up])
            {
                if (up == territory)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
