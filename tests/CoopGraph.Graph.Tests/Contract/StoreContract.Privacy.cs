using CoopGraph.Domain.Model;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>Private data: every read answers for its viewer, and writes across an authority's boundary are refused.</summary>
public abstract partial class StoreContract
{
    private static readonly Viewer AsA = Viewer.BoundTo("auth:a");
    private static readonly Viewer AsB = Viewer.BoundTo("auth:b");

    private static readonly string[] PrivateToA = ["svc:a", "sse:a", "pol:a"];
    private static readonly string[] PrivateToB = ["svc:b"];
    private static readonly string[] PublicIds = ["auth:a", "auth:b", "sse:p1", "sse:p2", "theme:mobility"];

    /// <summary>
    /// Two public authorities and two public associations; A keeps a service, an association and a policy private, B a
    /// service; A records privately that its service and the two associations cooperate, B that its service works with one.
    /// </summary>
    private static async Task WritePrivateScenarioAsync(IGraphStore graph)
    {
        Node[] nodes =
        [
            new Authority { Id = "auth:a", Name = "Ville d'Aubeterre", Level = AuthorityLevel.Commune },
            new Authority { Id = "auth:b", Name = "Ville de Bressuire", Level = AuthorityLevel.Commune },
            new SseActor { Id = "sse:p1", Name = "Mobilité solidaire", LegalForm = LegalForm.Association },
            new SseActor { Id = "sse:p2", Name = "Atelier vélo partagé", LegalForm = LegalForm.Association },
            new Theme { Id = "theme:mobility", Name = "Mobilité", Domain = PolicyDomain.Transport },
            new Service { Id = "svc:a", Name = "Secret mobilité Aubeterre", Domain = PolicyDomain.Transport, PrivateTo = "auth:a" },
            new SseActor { Id = "sse:a", Name = "Secret garage Aubeterre", LegalForm = LegalForm.Association, PrivateTo = "auth:a" },
            new Policy { Id = "pol:a", Name = "Secret appel Aubeterre", Instrument = Instrument.CallForProjects, PrivateTo = "auth:a" },
            new Service { Id = "svc:b", Name = "Secret social Bressuire", Domain = PolicyDomain.Social, PrivateTo = "auth:b" },
        ];
        var batch = new GraphBatch
        {
            Nodes = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])
            {
                Relations = n is Service ? [new RelationSet(LinkType.PartOf, "authorityId", [n.PrivateTo!])] : [],
            }).ToList(),
            Links =
            [
                Upsert("coop:a-p1", LinkType.CooperatesWith, "svc:a", "sse:p1"),
                Upsert("coop:p1-p2", LinkType.CooperatesWith, "sse:p1", "sse:p2", privateTo: "auth:a"),
                Upsert("coop:a-sse", LinkType.CooperatesWith, "svc:a", "sse:a"),
                Upsert("coop:b-p1", LinkType.CooperatesWith, "svc:b", "sse:p1"),
                Upsert("works:p1", LinkType.WorksOn, "sse:p1", "theme:mobility"),
            ],
        };
        var result = await graph.WriteAsync(batch, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private static LinkUpsert Upsert(string id, LinkType type, string source, string target, string? privateTo = null) =>
        new(new Link { Id = id, Type = type, SourceId = source, TargetId = target, PrivateTo = privateTo }, true, ["links", 0]);

    private static IEnumerable<string> IdsOf(IEnumerable<Node> nodes) => nodes.Select(n => n.Id);

    [ContractFact]
    public async Task ALinkToAPrivateNode_IsPrivateToItsAuthority_AndTheNodeKeepsItsPrivateTo()
    {
        await using var store = await OpenEmptyAsync();
        await WritePrivateScenarioAsync(store.Graph);

        var links = await store.Graph.GetLinksAsync(Viewer.Everything, ["coop:a-p1", "coop:p1-p2", "coop:b-p1", "works:p1"], Ct);
        var nodes = await store.Graph.GetNodesAsync(Viewer.Everything, ["svc:a", "sse:p1"], Ct);

        Assert.Equal("auth:a", links.Single(l => l.Id == "coop:a-p1").PrivateTo);
        Assert.Equal("auth:a", links.Single(l => l.Id == "coop:p1-p2").PrivateTo);
        Assert.Equal("auth:b", links.Single(l => l.Id == "coop:b-p1").PrivateTo);
        Assert.Null(links.Single(l => l.Id == "works:p1").PrivateTo);
        Assert.Equal("auth:a", nodes.Single(n => n.Id == "svc:a").PrivateTo);
        Assert.Null(nodes.Single(n => n.Id == "sse:p1").PrivateTo);
    }

    [ContractFact]
    public async Task EveryRead_AnswersOnTheGraphItsViewerSees()
    {
        await using var store = await OpenEmptyAsync();
        await WritePrivateScenarioAsync(store.Graph);
        var graph = store.Graph;
        string[] every = [.. PublicIds, .. PrivateToA, .. PrivateToB];

        foreach (var (viewer, sees) in new (Viewer, string[])[]
        {
            (Viewer.Public, PublicIds),
            (AsA, [.. PublicIds, .. PrivateToA]),
            (AsB, [.. PublicIds, .. PrivateToB]),
            (Viewer.Everything, every),
        })
        {
            Assert.Equal(sees.Order(), IdsOf(await graph.GetNodesAsync(viewer, every, Ct)).Order());
            var listed = await graph.ListNodesAsync(viewer, new NodeQuery(), new PageRequest(50, null), Ct);
            Assert.Equal(sees.Order(), IdsOf(listed.Items.Select(i => i.Item)).Order());
            Assert.Equal(sees.Length, listed.TotalCount);
            var secrets = await graph.SearchAsync(viewer, "secret", 10, Ct);
            Assert.Equal(sees.Except(PublicIds).Order(), IdsOf(secrets).Order());
            var counts = await graph.CountAsync(viewer, Ct);
            Assert.Equal(sees.Length, counts.Nodes);

            // A link is there for a viewer exactly when the viewer sees it and both its ends.
            var links = await graph.ListLinksAsync(viewer, new LinkQuery(), new PageRequest(50, null), Ct);
            var linkIds = links.Items.Select(i => i.Item).ToList();
            Assert.All(linkIds, l => Assert.True(sees.Contains(l.SourceId) && sees.Contains(l.TargetId), $"{l.Id} leaks to {viewer.Key}"));
            Assert.Equal(links.TotalCount, linkIds.Count);
            Assert.Equal(links.TotalCount, counts.Links);
            var ofP1 = (await graph.GetLinksOfNodesAsync(viewer, ["sse:p1"], null, new PageRequest(50, null), Ct))["sse:p1"];
            Assert.Equal(linkIds.Count(l => l.SourceId == "sse:p1" || l.TargetId == "sse:p1"), ofP1.TotalCount);
            var partners = await graph.GetNeighbourIdsAsync(viewer, ["sse:p1"], LinkType.CooperatesWith, LinkDirection.Outgoing, Ct);
            var partnersIn = await graph.GetNeighbourIdsAsync(viewer, ["sse:p1"], LinkType.CooperatesWith, LinkDirection.Incoming, Ct);
            Assert.All(partners.Values.Concat(partnersIn.Values).SelectMany(v => v), id => Assert.Contains(id, sees));

            var export = new CollectingSink();
            await graph.ExportAsync(viewer, export, Ct);
            Assert.Equal(sees.Order(), export.Nodes.Select(n => n.Id).Order());
            Assert.Equal(linkIds.Select(l => l.Id).Order(), export.Links.Select(l => l.Id).Order());
        }
        // The public graph holds one link (an association's theme); A sees on top of it its three cooperations and its
        // service's PART_OF, B its one cooperation and its service's PART_OF.
        Assert.Equal(1, (await graph.CountAsync(Viewer.Public, Ct)).Links);
        Assert.Equal(5, (await graph.CountAsync(AsA, Ct)).Links);
        Assert.Equal(3, (await graph.CountAsync(AsB, Ct)).Links);
    }

    [ContractFact]
    public async Task AKeyBoundToAnAuthority_WritesOnlyItsOwnPrivateData()
    {
        await using var store = await OpenEmptyAsync();
        await WritePrivateScenarioAsync(store.Graph);
        var graph = store.Graph;

        // privateTo is filled in for it; another authority's is refused.
        var own = await graph.WriteAsync(Nodes(new SseActor { Id = "sse:a2", Name = "Repair café", LegalForm = LegalForm.Association }) with { Writer = AsA }, Ct);
        var other = await graph.WriteAsync(Nodes(new SseActor { Id = "sse:a3", Name = "x", LegalForm = LegalForm.Association, PrivateTo = "auth:b" }) with { Writer = AsA }, Ct);
        Assert.True(own.Succeeded);
        Assert.Equal("auth:a", Assert.Single(await graph.GetNodesAsync(Viewer.Everything, ["sse:a2"], Ct)).PrivateTo);
        Assert.Equal(UserErrorCodes.Forbidden, Assert.Single(other.Errors).Code);

        // Linking its private data to public nodes is allowed; to B's private service it answers as for an id that does not exist.
        var toPublic = await graph.WriteAsync(new GraphBatch { Links = [Upsert("coop:a2-p2", LinkType.CooperatesWith, "sse:a2", "sse:p2")], Writer = AsA }, Ct);
        var toB = await graph.WriteAsync(new GraphBatch { Links = [Upsert("coop:a2-b", LinkType.CooperatesWith, "sse:a2", "svc:b")], Writer = AsA }, Ct);
        var toNothing = await graph.WriteAsync(new GraphBatch { Links = [Upsert("coop:a2-b", LinkType.CooperatesWith, "sse:a2", "svc:zz")], Writer = AsA }, Ct);
        Assert.True(toPublic.Succeeded);
        Assert.Equal("auth:a", Assert.Single(await graph.GetLinksAsync(Viewer.Everything, ["coop:a2-p2"], Ct)).PrivateTo);
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single(toB.Errors).Code);
        Assert.Equal(Assert.Single(toNothing.Errors).Message.Replace("svc:zz", "svc:b", StringComparison.Ordinal), toB.Errors[0].Message);

        // Deleting B's data answers as for a missing id; reusing its id is a conflict that says nothing more.
        var deleteB = await graph.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("svc:b", ["ids", 0])], Writer = AsA }, Ct);
        var deleteNothing = await graph.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("svc:zz", ["ids", 0])], Writer = AsA }, Ct);
        var deleteBLink = await graph.WriteAsync(new GraphBatch { LinkDeletes = [new ItemDelete("coop:b-p1", ["ids", 0])], Writer = AsA }, Ct);
        var reuse = await graph.WriteAsync(Nodes(new Service { Id = "svc:b", Name = "mine", Domain = PolicyDomain.Culture }) with { Writer = AsA }, Ct);
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single(deleteB.Errors).Code);
        Assert.Equal(Assert.Single(deleteNothing.Errors).Message.Replace("svc:zz", "svc:b", StringComparison.Ordinal), deleteB.Errors[0].Message);
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single(deleteBLink.Errors).Code);
        Assert.Contains(reuse.Errors, e => e.Code == UserErrorCodes.Conflict);
        Assert.DoesNotContain(reuse.Errors, e => e.Message.Contains("auth:b", StringComparison.Ordinal) || e.Message.Contains("Bressuire", StringComparison.Ordinal));

        // Public data is not its to change or delete, nor may it make a structural link between public nodes private.
        var editPublic = await graph.WriteAsync(Nodes(new SseActor { Id = "sse:p1", Name = "renamed", LegalForm = LegalForm.Association }) with { Writer = AsA }, Ct);
        var deletePublic = await graph.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("sse:p2", ["ids", 0])], Writer = AsA }, Ct);
        var structural = await graph.WriteAsync(new GraphBatch { Links = [Upsert("works:p2", LinkType.WorksOn, "sse:p2", "theme:mobility")], Writer = AsA }, Ct);
        var theme = await graph.WriteAsync(Nodes(Theme("theme:mine")) with { Writer = AsA }, Ct);
        Assert.Equal(UserErrorCodes.Forbidden, Assert.Single(editPublic.Errors).Code);
        Assert.Equal(UserErrorCodes.Forbidden, Assert.Single(deletePublic.Errors).Code);
        Assert.Equal(UserErrorCodes.Forbidden, Assert.Single(structural.Errors).Code);
        Assert.Equal(UserErrorCodes.Forbidden, Assert.Single(theme.Errors).Code);

        // Every refused write left the graph as it was.
        Assert.Equal("Mobilité solidaire", Assert.Single(await graph.GetNodesAsync(Viewer.Everything, ["sse:p1"], Ct)).Name);
        Assert.Single(await graph.GetNodesAsync(Viewer.Everything, ["svc:b"], Ct));
    }

    [ContractFact]
    public async Task AKeyBoundToNoAuthority_WritesPublicDataOnly_AndThemesAreNeverPrivate()
    {
        await using var store = await OpenEmptyAsync();
        await WritePrivateScenarioAsync(store.Graph);
        var graph = store.Graph;

        var asked = await graph.WriteAsync(Nodes(new SseActor { Id = "sse:x", Name = "x", LegalForm = LegalForm.Association, PrivateTo = "auth:a" }) with { Writer = Viewer.Public }, Ct);
        var publicWrite = await graph.WriteAsync(Nodes(new SseActor { Id = "sse:y", Name = "y", LegalForm = LegalForm.Association }) with { Writer = Viewer.Public }, Ct);
        var reuse = await graph.WriteAsync(Nodes(new SseActor { Id = "sse:a", Name = "taken", LegalForm = LegalForm.Association }) with { Writer = Viewer.Public }, Ct);
        var privateTheme = await graph.WriteAsync(Nodes(Theme("theme:t") with { PrivateTo = "auth:a" }), Ct);
        var notAnAuthority = await graph.WriteAsync(Nodes(new SseActor { Id = "sse:z", Name = "z", LegalForm = LegalForm.Association, PrivateTo = "sse:p1" }), Ct);

        Assert.Equal(UserErrorCodes.Forbidden, Assert.Single(asked.Errors).Code);
        Assert.True(publicWrite.Succeeded);
        Assert.Null(Assert.Single(await graph.GetNodesAsync(Viewer.Everything, ["sse:y"], Ct)).PrivateTo);
        Assert.Equal(UserErrorCodes.Conflict, Assert.Single(reuse.Errors).Code);
        Assert.Equal(UserErrorCodes.NotApplicable, Assert.Single(privateTheme.Errors).Code);
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single(notAnAuthority.Errors).Code);
    }

    [ContractFact]
    public async Task ARelationReplacedByAnotherWriter_KeepsTheLinksItCannotSee()
    {
        await using var store = await OpenEmptyAsync();
        await WritePrivateScenarioAsync(store.Graph);
        var graph = store.Graph;
        var policy = new Policy { Id = "pol:public", Name = "Appel mobilité", Instrument = Instrument.CallForProjects };
        static NodeUpsert OwnedBy(Policy p, string owner) => new(p, ["input", 0]) { Relations = [new RelationSet(LinkType.Owns, "ownerId", [owner], Incoming: true)] };
        Assert.True((await graph.WriteAsync(new GraphBatch { Nodes = [OwnedBy(policy, "auth:a")] }, Ct)).Succeeded);
        // A records privately that its service co-owns the public call.
        var privateOwner = await graph.WriteAsync(new GraphBatch { Links = [Upsert("owns:svc-a", LinkType.Owns, "svc:a", "pol:public")], Writer = AsA }, Ct);

        var replaced = await graph.WriteAsync(new GraphBatch { Nodes = [OwnedBy(policy, "auth:b")], Writer = Viewer.Public }, Ct);

        Assert.True(privateOwner.Succeeded, string.Join("; ", privateOwner.Errors.Select(e => e.Message)));
        Assert.True(replaced.Succeeded, string.Join("; ", replaced.Errors.Select(e => e.Message)));
        var owners = await graph.GetNeighbourIdsAsync(Viewer.Everything, ["pol:public"], LinkType.Owns, LinkDirection.Incoming, Ct);
        Assert.Equal(["auth:b", "svc:a"], owners["pol:public"].Order());
        var seenByPublic = await graph.GetNeighbourIdsAsync(Viewer.Public, ["pol:public"], LinkType.Owns, LinkDirection.Incoming, Ct);
        Assert.Equal(["auth:b"], seenByPublic["pol:public"]);
    }

    [ContractFact]
    public async Task DeletingAnAuthority_DeletesTheDataPrivateToIt()
    {
        await using var store = await OpenEmptyAsync();
        await WritePrivateScenarioAsync(store.Graph);
        var graph = store.Graph;

        // A's service is part of A: private to A, it goes with A rather than blocking its deletion.
        var deleted = await graph.WriteAsync(new GraphBatch { NodeDeletes = [new ItemDelete("auth:a", ["ids", 0])] }, Ct);

        Assert.True(deleted.Succeeded, string.Join("; ", deleted.Errors.Select(e => e.Message)));
        Assert.Empty(await graph.GetNodesAsync(Viewer.Everything, ["auth:a", .. PrivateToA], Ct));
        Assert.Empty(await graph.GetLinksAsync(Viewer.Everything, ["coop:a-p1", "coop:p1-p2", "coop:a-sse"], Ct));
        Assert.Equal(["auth:b", "sse:p1", "sse:p2", "svc:b", "theme:mobility"],
            IdsOf(await graph.GetNodesAsync(Viewer.Everything, [.. PublicIds, .. PrivateToB], Ct)).Order());
        Assert.Equal(2, (await graph.GetLinksAsync(Viewer.Everything, ["coop:b-p1", "works:p1"], Ct)).Count);
    }

    private sealed class CollectingSink : IGraphSink
    {
        public List<Node> Nodes { get; } = [];
        public List<Link> Links { get; } = [];

        public void AddNode(Node node) => Nodes.Add(node);

        public void AddLink(Link link) => Links.Add(link);
    }
}
