using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Embedded;

namespace CoopGraph.Graph.Tests;

public sealed class BulkLoadMemoryTests
{
    private static LinkUpsert Link(LinkType type, string id, string source, string target) =>
        new(new Link { Id = id, Type = type, SourceId = source, TargetId = target }, true, ["links", 0]);

    private static NodeUpsert Actor(string id, params string[] themes) =>
        new(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }, ["nodes", 0])
        {
            Relations = [new RelationSet(LinkType.WorksOn, "themeIds", themes)],
        };

    public static TheoryData<string, GraphBatch> Batches => new()
    {
        { "a new link", new GraphBatch { Links = [Link(LinkType.CooperatesWith, "new", "a", "c")] } },
        { "a link id already written", new GraphBatch { Links = [Link(LinkType.CooperatesWith, "l1", "a", "c")] } },
        { "the same ends, given the other way round", new GraphBatch { Links = [Link(LinkType.CooperatesWith, "other", "b", "a")] } },
        { "the same ends of a type that repeats", new GraphBatch { Links = [Link(LinkType.Funds, "f2", "g", "a")] } },
        { "a relation to ends already joined", new GraphBatch { Nodes = [Actor("a", "t")] } },
        { "a relation to new ends", new GraphBatch { Nodes = [Actor("b", "t")] } },
        { "a deletion", new GraphBatch { NodeDeletes = [new ItemDelete("zz", ["ids", 0])] } },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void NeedsStore_IsWhatNarrowingTheRequestLeavesForSqlite(string what, GraphBatch batch)
    {
        var memory = new BulkLoadMemory(0);
        var written = new GraphBatch
        {
            Nodes =
            [
                Actor("a", "t"), new NodeUpsert(new Theme { Id = "t", Name = "t", Domain = PolicyDomain.Culture }, ["nodes", 1]), Actor("b"), Actor("c"),
                new NodeUpsert(new Authority { Id = "g", Name = "g", Level = AuthorityLevel.Region }, ["nodes", 4]),
            ],
            Links = [Link(LinkType.CooperatesWith, "l1", "a", "b"), Link(LinkType.Funds, "f1", "g", "a")],
        };
        var plan = BatchPlanner.Plan(written, new StoreFacts());
        Assert.True(plan.IsValid, string.Join("; ", plan.Errors.Select(e => e.Message)));
        memory.Record(plan);

        var left = memory.Narrow(BatchPlanner.Needs(batch));
        var expected = left.DeletedNodeIds.Count + left.LinkIds.Count + left.LinkKeys.Count > 0;

        Assert.True(expected == memory.NeedsStore(batch), $"{what}: narrowing leaves {expected}, NeedsStore says {memory.NeedsStore(batch)}; left {left.DeletedNodeIds.Count} {left.LinkIds.Count} {left.LinkKeys.Count}");
    }

    private static WritePlan Planned(GraphBatch batch)
    {
        var plan = BatchPlanner.Plan(batch, new StoreFacts
        {
            Kinds = new Dictionary<string, NodeKind> { ["a"] = NodeKind.SseActor, ["b"] = NodeKind.SseActor, ["g"] = NodeKind.Authority },
        });
        Assert.True(plan.IsValid, string.Join("; ", plan.Errors.Select(e => e.Message)));
        return plan;
    }

    [Fact]
    public void Record_SaysWhetherEveryLinkWasNew_ById_AndByEnds()
    {
        var memory = new BulkLoadMemory(0);

        Assert.True(memory.Record(Planned(new GraphBatch { Links = [Link(LinkType.CooperatesWith, "l1", "a", "b"), Link(LinkType.Funds, "f1", "g", "a")] })));
        Assert.True(memory.Record(Planned(new GraphBatch { Links = [Link(LinkType.Funds, "f2", "g", "a")] })));
        Assert.False(memory.Record(Planned(new GraphBatch { Links = [Link(LinkType.Funds, "f1", "g", "a")] })));
        Assert.False(memory.Record(Planned(new GraphBatch { Links = [Link(LinkType.CooperatesWith, "l2", "a", "b")] })));
    }

    [Fact]
    public void NeedsStore_SeesARelationByTerritoryCode_ToEndsAlreadyJoined()
    {
        var memory = new BulkLoadMemory(0);
        var place = new NodeUpsert(new Territory { Id = "c1", Code = "01001", Name = "c1", Level = TerritoryLevel.Commune }, ["nodes", 0]);
        NodeUpsert Placed(string id) => new(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }, ["nodes", 1])
        {
            Relations = [new RelationSet(LinkType.LocatedIn, "territoryCode", ["01001"], RefsAreTerritoryCodes: true)],
        };
        memory.Record(BatchPlanner.Plan(new GraphBatch { Nodes = [place, Placed("a")] }, new StoreFacts()));

        Assert.True(memory.NeedsStore(new GraphBatch { Nodes = [Placed("a")] }));
        Assert.False(memory.NeedsStore(new GraphBatch { Nodes = [Placed("b")] }));
    }
}
