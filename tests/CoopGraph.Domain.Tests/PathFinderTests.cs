using CoopGraph.Domain.Analytics;
using CoopGraph.Domain.Analytics.Paths;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Generation;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Tests;

/// <summary>
/// The path finder searches from both ends; its answer must be the path a plain breadth-first search from the
/// first node gives (the definition the API documents), on graphs where many shortest paths tie.
/// </summary>
public sealed class PathFinderTests
{
    private static readonly LinkType[][] TypeSets = [[LinkType.CooperatesWith], [LinkType.WorksOn], [LinkType.WorksOn, LinkType.CooperatesWith]];
    private static readonly int?[] Days = [null, new DateOnly(2016, 6, 1).DayNumber];

    [Theory]
    [InlineData(1UL, 40, 50)]
    [InlineData(2UL, 40, 90)]
    [InlineData(3UL, 80, 100)]
    [InlineData(4UL, 80, 240)]
    [InlineData(5UL, 150, 200)]
    public void OnRandomGraphs_EveryPairGetsTheBreadthFirstPath(ulong seed, int actors, int cooperations)
    {
        var p = RandomGraph(seed, actors, cooperations);
        var random = new SplitMix64(seed * 7919);
        var compared = 0;
        var found = 0;
        for (var k = 0; k < 400; k++)
        {
            var (from, to) = (random.NextInt(p.NodeCount), random.NextInt(p.NodeCount));
            var types = TypeSets[random.NextInt(TypeSets.Length)];
            var maxHops = 1 + random.NextInt(PathFinder.MaxMaxHops);
            var day = Days[random.NextInt(Days.Length)];

            var expected = BreadthFirst(p, from, to, types, maxHops, day);
            var actual = PathFinder.Find(p, from, to, types, maxHops, day);

            Assert.Equal(expected?.Nodes, actual?.Nodes);
            Assert.Equal(expected?.Links, actual?.Links);
            compared++;
            found += expected is null ? 0 : 1;
        }
        // The comparison means something only if it met both outcomes, long paths among them.
        Assert.Equal(400, compared);
        Assert.InRange(found, 40, 360);
    }

    [Fact]
    public void OnTheDemoGraph_PathsBetweenActorsAreTheBreadthFirstOnes()
    {
        var builder = new ProjectionBuilder();
        new GraphGenerator(GeneratorScale.Demo).Generate(builder);
        var p = builder.Build(1, DateTimeOffset.UnixEpoch);
        var actors = Enumerable.Range(0, p.NodeCount).Where(i => p.Kinds[i] is NodeKind.SseActor or NodeKind.Service).ToArray();
        var random = new SplitMix64(11);
        var lengths = new HashSet<int>();
        for (var k = 0; k < 500; k++)
        {
            var (from, to) = (actors[random.NextInt(actors.Length)], actors[random.NextInt(actors.Length)]);
            var types = TypeSets[k % TypeSets.Length];

            var expected = BreadthFirst(p, from, to, types, PathFinder.MaxMaxHops, null);
            var actual = PathFinder.Find(p, from, to, types, PathFinder.MaxMaxHops, null);

            Assert.Equal(expected?.Nodes, actual?.Nodes);
            Assert.Equal(expected?.Links, actual?.Links);
            if (expected is not null)
            {
                lengths.Add(expected.Hops);
            }
        }
        Assert.True(lengths.Count >= 3, $"paths of only {lengths.Count} lengths were compared");
    }

    [Fact]
    public void AHopLimitOneShortOfTheDistance_FindsNothing()
    {
        var p = RandomGraph(9, 60, 70);
        var random = new SplitMix64(3);
        var checkedPaths = 0;
        for (var k = 0; k < 300; k++)
        {
            var (from, to) = (random.NextInt(p.NodeCount), random.NextInt(p.NodeCount));
            if (PathFinder.Find(p, from, to, [LinkType.CooperatesWith], PathFinder.MaxMaxHops, null) is { Hops: > 0 } path)
            {
                Assert.Null(PathFinder.Find(p, from, to, [LinkType.CooperatesWith], path.Hops - 1, null));
                Assert.Equal(path.Hops, PathFinder.Find(p, from, to, [LinkType.CooperatesWith], path.Hops, null)!.Hops);
                checkedPaths++;
            }
        }
        Assert.True(checkedPaths > 20, $"only {checkedPaths} paths were found");
    }

    /// <summary>Actors cooperating at random (some links valid only some years), each working on one of a few themes.</summary>
    private static GraphProjection RandomGraph(ulong seed, int actors, int cooperations)
    {
        var random = new SplitMix64(seed);
        var graph = new TinyGraph().Theme("t0", PolicyDomain.Social).Theme("t1", PolicyDomain.Transport).Theme("t2", PolicyDomain.Culture);
        for (var a = 0; a < actors; a++)
        {
            graph.Sse($"a{a}", random.NextInt(4) == 0 ? [$"t{random.NextInt(3)}"] : []);
        }
        for (var c = 0; c < cooperations; c++)
        {
            var (a, b) = (random.NextInt(actors), random.NextInt(actors));
            if (a == b)
            {
                continue;
            }
            // Some pairs cooperate twice, so parallel links compete for the same step.
            var dated = random.NextInt(3) == 0;
            graph.Cooperate($"a{a}", $"a{b}", dated ? 2010 + random.NextInt(8) : null, dated ? 2015 + random.NextInt(8) : null);
        }
        return graph.Build();
    }

    /// <summary>The definition: breadth-first from <paramref name="from"/>, each node reached first by the earliest link in adjacency order.</summary>
    private static FoundPath? BreadthFirst(GraphProjection p, int from, int to, IReadOnlyCollection<LinkType> types, int maxHops, int? day)
    {
        if (from == to)
        {
            return new FoundPath([from], []);
        }
        var adjacency = types.Distinct().Order()
            .SelectMany(t => t == LinkType.CooperatesWith ? new[] { p.Cooperation } : [p.Out[(int)t], p.In[(int)t]])
            .ToArray();
        var parent = new Dictionary<int, (int Node, int Link)> { [from] = (-1, -1) };
        var frontier = new List<int> { from };
        for (var hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
            {
                foreach (var csr in adjacency)
                {
                    var neighbours = csr.Neighbours(v);
                    var links = csr.LinksOf(v);
                    for (var i = 0; i < neighbours.Length; i++)
                    {
                        var w = neighbours[i];
                        if (parent.ContainsKey(w) || !p.IsValid(links[i], day))
                        {
                            continue;
                        }
                        parent[w] = (v, links[i]);
                        if (w == to)
                        {
                            var nodes = new List<int>();
                            var steps = new List<int>();
                            for (var u = to; u >= 0; u = parent[u].Node)
                            {
                                nodes.Insert(0, u);
                                if (parent[u].Link >= 0)
                                {
                                    steps.Insert(0, parent[u].Link);
                                }
                            }
                            return new FoundPath([.. nodes], [.. steps]);
                        }
                        next.Add(w);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }
}
