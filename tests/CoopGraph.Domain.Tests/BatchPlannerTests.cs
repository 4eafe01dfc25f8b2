using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Domain.Tests;

public sealed class BatchPlannerTests
{
    private static readonly StoreFacts Empty = new();

    private static NodeUpsert Sse(string id, int index, params RelationSet[] relations) =>
        new(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }, ["input", index]) { Relations = relations };

    [Fact]
    public void Plan_ReportsEveryInvalidItem_NotJustTheFirst()
    {
        var batch = new GraphBatch
        {
            Nodes =
            [
                Sse(new string('x', 201), 0),
                new NodeUpsert(new Theme { Id = "t", Name = " ", Domain = PolicyDomain.Social }, ["input", 1]),
                Sse("ok", 2, new RelationSet(LinkType.WorksOn, "themeIds", ["theme:missing"])),
            ],
        };

        var plan = BatchPlanner.Plan(batch, Empty);

        Assert.False(plan.IsValid);
        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.InvalidValue && e.Path.SequenceEqual(new object[] { "input", 0, "id" }));
        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.Required && e.Path.SequenceEqual(new object[] { "input", 1, "name" }));
        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.NotFound && e.Path.SequenceEqual(new object[] { "input", 2, "themeIds", 0 }));
    }

    [Fact]
    public void Plan_RefusesAServiceWithoutAuthority()
    {
        var service = new NodeUpsert(new Service { Id = "s", Name = "S", Domain = PolicyDomain.Housing }, ["input", 0]);

        var plan = BatchPlanner.Plan(new GraphBatch { Nodes = [service] }, Empty);

        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.Required && e.Path.SequenceEqual(new object[] { "input", 0, "authorityId" }));
    }

    [Fact]
    public void Plan_ResolvesReferencesToNodesEarlierInTheSameBatch()
    {
        var authority = new NodeUpsert(new Authority { Id = "a", Name = "A", Level = AuthorityLevel.Commune }, ["input", 0]);
        var service = new NodeUpsert(new Service { Id = "s", Name = "S", Domain = PolicyDomain.Housing }, ["input", 1])
        {
            Relations = [new RelationSet(LinkType.PartOf, "authorityId", ["a"])],
        };

        var plan = BatchPlanner.Plan(new GraphBatch { Nodes = [authority, service] }, Empty);

        Assert.True(plan.IsValid, string.Join("; ", plan.Errors.Select(e => e.Message)));
        var link = Assert.Single(plan.Links);
        Assert.Equal((LinkType.PartOf, "s", "a"), (link.Link.Type, link.Link.SourceId, link.Link.TargetId));
    }

    [Fact]
    public void Plan_StoresCooperationOnce_WithEndsInOrdinalOrder()
    {
        var facts = new StoreFacts { Kinds = new Dictionary<string, NodeKind> { ["b"] = NodeKind.SseActor, ["a"] = NodeKind.University } };
        var link = new Link { Id = LinkIds.Derive(LinkType.CooperatesWith, "b", "a"), Type = LinkType.CooperatesWith, SourceId = "b", TargetId = "a", Intensity = 3 };

        var plan = BatchPlanner.Plan(new GraphBatch { Links = [new LinkUpsert(link, false, ["input", 0])] }, facts);

        var planned = Assert.Single(plan.Links).Link;
        Assert.Equal(("a", "b"), (planned.SourceId, planned.TargetId));
        Assert.Equal(LinkIds.Derive(LinkType.CooperatesWith, "a", "b"), planned.Id);
    }

    [Fact]
    public void Plan_RefusesASecondCooperationBetweenTheSameActorsUnderAnotherId()
    {
        var facts = new StoreFacts
        {
            Kinds = new Dictionary<string, NodeKind> { ["a"] = NodeKind.SseActor, ["b"] = NodeKind.SseActor },
            LinkIdsByKey = new Dictionary<LinkKey, string> { [new LinkKey(LinkType.CooperatesWith, "a", "b")] = "existing" },
        };
        var link = new Link { Id = "mine", Type = LinkType.CooperatesWith, SourceId = "b", TargetId = "a" };

        var plan = BatchPlanner.Plan(new GraphBatch { Links = [new LinkUpsert(link, true, ["input", 0])] }, facts);

        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.Duplicate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Plan_RefusesIntensityOutsideOneToFive(int intensity)
    {
        var facts = new StoreFacts { Kinds = new Dictionary<string, NodeKind> { ["a"] = NodeKind.SseActor, ["b"] = NodeKind.SseActor } };
        var link = new Link { Id = "l", Type = LinkType.CooperatesWith, SourceId = "a", TargetId = "b", Intensity = intensity };

        var plan = BatchPlanner.Plan(new GraphBatch { Links = [new LinkUpsert(link, true, ["input", 0])] }, facts);

        Assert.Contains(plan.Errors, e => e.Path.SequenceEqual(new object[] { "input", 0, "intensity" }));
    }

    [Fact]
    public void Plan_RefusesUntilBeforeSince_AndPropertiesForeignToTheType()
    {
        var facts = new StoreFacts { Kinds = new Dictionary<string, NodeKind> { ["a"] = NodeKind.SseActor, ["t"] = NodeKind.Theme } };
        var link = new Link
        {
            Id = "l", Type = LinkType.WorksOn, SourceId = "a", TargetId = "t",
            Since = new DateOnly(2024, 1, 1), Until = new DateOnly(2023, 1, 1), Intensity = 3,
        };

        var plan = BatchPlanner.Plan(new GraphBatch { Links = [new LinkUpsert(link, true, ["input", 0])] }, facts);

        Assert.Contains(plan.Errors, e => e.Path.SequenceEqual(new object[] { "input", 0, "until" }));
        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.NotApplicable && e.Path.SequenceEqual(new object[] { "input", 0, "intensity" }));
    }

    [Fact]
    public void Plan_RefusesLinksBetweenKindsTheTypeDoesNotJoin()
    {
        var facts = new StoreFacts { Kinds = new Dictionary<string, NodeKind> { ["a"] = NodeKind.SseActor, ["p"] = NodeKind.Policy } };
        var link = new Link { Id = "l", Type = LinkType.PartOf, SourceId = "a", TargetId = "p" };

        var plan = BatchPlanner.Plan(new GraphBatch { Links = [new LinkUpsert(link, true, ["input", 0])] }, facts);

        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.InvalidLink);
    }

    [Fact]
    public void Plan_RefusesChangingAKindOfAnExistingId()
    {
        var facts = new StoreFacts { Kinds = new Dictionary<string, NodeKind> { ["x"] = NodeKind.Theme } };

        var plan = BatchPlanner.Plan(new GraphBatch { Nodes = [Sse("x", 0)] }, facts);

        Assert.Contains(plan.Errors, e => e.Code == UserErrorCodes.KindConflict);
    }

    [Fact]
    public void Plan_RefusesDeletingAnAuthorityThatStillHasServices()
    {
        var facts = new StoreFacts
        {
            Kinds = new Dictionary<string, NodeKind> { ["a"] = NodeKind.Authority },
            Dependants = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["s1"] },
        };

        var refused = BatchPlanner.Plan(new GraphBatch { NodeDeletes = [new ItemDelete("a", ["ids", 0])] }, facts);
        var accepted = BatchPlanner.Plan(new GraphBatch { NodeDeletes = [new ItemDelete("a", ["ids", 0]), new ItemDelete("s1", ["ids", 1])] },
            facts with { Kinds = new Dictionary<string, NodeKind> { ["a"] = NodeKind.Authority, ["s1"] = NodeKind.Service } });

        Assert.Contains(refused.Errors, e => e.Code == UserErrorCodes.Constraint);
        Assert.True(accepted.IsValid);
    }

    [Fact]
    public void CodeRelationKeys_ResolveCodesFromTheBatchFirst_ThenFromTheStore()
    {
        RelationSet InCommune(params string[] codes) => new(LinkType.LocatedIn, "territoryCode", codes, RefsAreTerritoryCodes: true);
        var batch = new GraphBatch
        {
            Nodes =
            [
                new NodeUpsert(new Territory { Id = "new-c1", Code = "01001", Name = "c1", Level = TerritoryLevel.Commune }, ["input", 0]),
                Sse("a", 1, InCommune("01001", "01002", "99999")),
                Sse("b", 2, new RelationSet(LinkType.WorksOn, "themeIds", ["t"])),
            ],
        };
        var facts = new StoreFacts { TerritoryIdsByCode = new Dictionary<string, string> { ["01001"] = "old-c1", ["01002"] = "c2" } };

        var keys = BatchPlanner.CodeRelationKeys(batch, facts);

        Assert.Equal(
            [new LinkKey(LinkType.LocatedIn, "a", "c2"), new LinkKey(LinkType.LocatedIn, "a", "new-c1")],
            keys.OrderBy(k => k.TargetId, StringComparer.Ordinal));
        Assert.Empty(BatchPlanner.CodeRelationKeys(new GraphBatch { Nodes = [Sse("b", 0, new RelationSet(LinkType.WorksOn, "themeIds", ["t"]))] }, facts));
    }
}
