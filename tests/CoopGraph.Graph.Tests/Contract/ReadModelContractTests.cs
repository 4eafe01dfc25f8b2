using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>
/// The store contract with every read answered by the read model: writes go to an embedded store, and each read is
/// asked of the snapshot of the store's version at that moment (built on demand), never of the store. So the read
/// model lists, pages, counts and hides private data exactly as the stores do.
/// </summary>
public sealed class ReadModelContractTests : StoreContract
{
    protected override async Task<StoreUnderTest> OpenEmptyAsync()
    {
        var temp = await TempStore.CreateAsync();
        return new StoreUnderTest(
            new SnapshotReads(temp.Store), temp.Store, new EmbeddedApiKeyStore(temp.Store, TimeProvider.System),
            new EmbeddedTrustedDocumentStore(temp.Store, TimeProvider.System), new EmbeddedSurveyStore(temp.Store),
            temp.DisposeAsync);
    }
}

/// <summary>The same on Neo4j: the read model built from a Neo4j store's export answers the contract's reads.</summary>
[RequiresEnvironment("NEO4J_URI", "NEO4J_URI is not set: no Neo4j server to test against (set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, e.g. with docker compose up neo4j).")]
public sealed class Neo4jReadModelContractTests : StoreContract
{
    protected override async Task<StoreUnderTest> OpenEmptyAsync()
    {
        var neo4j = await Neo4jStoreContractTests.OpenAsync();
        return new StoreUnderTest(new SnapshotReads(neo4j.Graph), neo4j.Initializer, neo4j.Keys, neo4j.Documents, neo4j.Surveys, neo4j.DisposeAsync);
    }
}

/// <summary>A store whose reads all come from the read model: a read the snapshot cannot answer fails the test.</summary>
internal sealed class SnapshotReads(IGraphStore store) : IGraphStore, Changes.IChangeFeed
{
    // The change feed is the store's own: the read model holds no history.
    public Task<Page<Changes.Change>> ReadChangesAsync(Viewer viewer, Changes.ChangeQuery query, CancellationToken cancellationToken) =>
        ((Changes.IChangeFeed)store).ReadChangesAsync(viewer, query, cancellationToken);

    public Task<int> PruneChangesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        ((Changes.IChangeFeed)store).PruneChangesAsync(before, cancellationToken);

    private readonly ReadModelProvider _readModel = new(store, TimeProvider.System, NullLogger<ReadModelProvider>.Instance,
        maxElements: 1_000_000, maxWait: TimeSpan.FromMinutes(1));

    private async Task<IGraphReader> SnapshotAsync(CancellationToken cancellationToken)
    {
        var reader = await _readModel.ReaderAsync(cancellationToken);
        return reader as ReadModelSnapshot ?? throw new InvalidOperationException("The read model did not answer this read.");
    }

    public Task<long> GetVersionAsync(CancellationToken cancellationToken) => store.GetVersionAsync(cancellationToken);

    public Task<WriteResult> WriteAsync(GraphBatch batch, CancellationToken cancellationToken) => store.WriteAsync(batch, cancellationToken);

    public Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken) => store.ExportAsync(viewer, sink, cancellationToken);

    public Task<IBulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken) => store.BeginBulkLoadAsync(cancellationToken);

    public async Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).GetNodesAsync(viewer, ids, cancellationToken);

    public async Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).GetLinksAsync(viewer, ids, cancellationToken);

    public async Task<Page<Node>> ListNodesAsync(Viewer viewer, NodeQuery query, PageRequest page, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).ListNodesAsync(viewer, query, page, cancellationToken);

    public async Task<Page<Link>> ListLinksAsync(Viewer viewer, LinkQuery query, PageRequest page, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).ListLinksAsync(viewer, query, page, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Page<Link>>> GetLinksOfNodesAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<LinkType>? types, PageRequest page, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).GetLinksOfNodesAsync(viewer, nodeIds, types, page, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetNeighbourIdsAsync(
        Viewer viewer, IReadOnlyCollection<string> nodeIds, LinkType type, LinkDirection direction, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).GetNeighbourIdsAsync(viewer, nodeIds, type, direction, cancellationToken);

    public async Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).SearchAsync(viewer, text, first, cancellationToken);

    public async Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await (await SnapshotAsync(cancellationToken)).CountAsync(viewer, cancellationToken);
}
