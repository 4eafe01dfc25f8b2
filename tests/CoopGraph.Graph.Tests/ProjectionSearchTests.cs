using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Projections;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The search index held beside the projection answers only for the store's version: after a write the store answers
/// until the index is rebuilt, which the search itself starts; a write committed while its nodes are read leaves the
/// answer to the store; a store whose search is not FTS5's gets no index. (Its answers are compared with the store's in
/// <see cref="ReadModelSearchTests"/>.)
/// </summary>
public sealed class ProjectionSearchTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task AfterAWrite_TheStoreAnswers_UntilTheIndexTheSearchStartedIsBuilt()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var projections = new ProjectionProvider(temp.Store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance);
        await projections.GetAsync(Ct);
        var none = await projections.SearchAsync(temp.Store, Viewer.Everything, "quokka", 10, null, Ct);
        Assert.NotNull(none);
        Assert.Empty(none);

        for (var i = 0; i < 3; i++)
        {
            var written = await temp.Store.WriteAsync(new GraphBatch
            {
                Nodes = [new NodeUpsert(new SseActor { Id = $"quokka-{i}", Name = $"Quokka {i}", LegalForm = LegalForm.Association }, ["nodes", 0])],
            }, Ct);
            Assert.True(written.Succeeded, TestItems.Messages(written));
            var version = await temp.Store.GetVersionAsync(Ct);

            // The index is of the version before: the store is to answer, and the search started a build.
            Assert.Null(await projections.SearchAsync(temp.Store, Viewer.Everything, "quokka", 10, null, Ct));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (projections.Search?.Version != version)
            {
                Assert.True(DateTime.UtcNow < deadline, "The index was never rebuilt after the search asked.");
                await Task.Delay(10, Ct);
            }

            var found = await projections.SearchAsync(temp.Store, Viewer.Everything, "quokka", 10, null, Ct);
            Assert.NotNull(found);
            Assert.Equal((await temp.Store.SearchAsync(Viewer.Everything, "quokka", 10, Ct)).Select(n => n.Id), found.Select(n => n.Id));
            Assert.Equal(i + 1, found.Count);
        }
    }

    [Fact]
    public async Task AWriteCommittedWhileTheNodesAreRead_LeavesTheSearchToTheStore()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var projections = new ProjectionProvider(temp.Store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance);
        await projections.GetAsync(Ct);
        var reader = new WritingReader(temp.Store);

        var found = await projections.SearchAsync(temp.Store, Viewer.Everything, "centre", 10, null, Ct);
        Assert.NotNull(found);
        Assert.NotEmpty(found);
        Assert.Null(await projections.SearchAsync(reader, Viewer.Everything, "centre", 10, null, Ct));
        Assert.Equal(1, reader.Writes);
    }

    [Fact]
    public async Task AStoreWhoseSearchIsNotFts5_GetsNoIndex()
    {
        await using var temp = await TempStore.CreateAsync(seedDemo: true);
        var store = new GatedExportStore(temp.Store);
        var projections = new ProjectionProvider(store, TimeProvider.System, NullLogger<ProjectionProvider>.Instance);
        await projections.GetAsync(Ct);

        Assert.Null(projections.Search);
        Assert.Null(await projections.SearchAsync(store, Viewer.Everything, "centre", 10, null, Ct));
        Assert.Equal(1, store.Exports);
    }

    /// <summary>A reader that commits a write to the store as it reads nodes, as another request might.</summary>
    private sealed class WritingReader(Embedded.EmbeddedGraphStore store) : IGraphReader
    {
        public int Writes { get; private set; }

        public async Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            var nodes = await store.GetNodesAsync(viewer, ids, cancellationToken);
            var written = await store.WriteAsync(new GraphBatch
            {
                Nodes = [new NodeUpsert(new Theme { Id = $"theme:meanwhile-{Writes}", Name = "Meanwhile", Domain = PolicyDomain.Sport }, ["nodes", 0])],
            }, cancellationToken);
            Assert.True(written.Succeeded, TestItems.Messages(written));
            Writes++;
            return nodes;
        }

        public Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw Unexpected();

        public Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken) => throw Unexpected();

        public Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken) => throw Unexpected();

        public Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
            Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken) => throw Unexpected();

        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
            Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken) => throw Unexpected();

        public Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken) => throw Unexpected();

        public Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken) => throw Unexpected();

        private static InvalidOperationException Unexpected() => new("Only nodes are read by a search from the index.");
    }
}
