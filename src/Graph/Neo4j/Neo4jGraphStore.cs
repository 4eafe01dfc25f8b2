using CoopGraph.Domain.Model;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Graph.Options;
using Microsoft.Extensions.Options;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// The graph in Neo4j, through its HTTP Query API. Nodes carry :Node and their kind's label, links are relationships
/// of their type, the territorial tree is also kept as internal HAS_PARENT relationships. Every statement is a
/// parameterised constant from a .cypher file. Writes check a batch with the same planner as the embedded store and
/// apply it in one explicit transaction, so both stores accept and refuse the same batches.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, IStoreInitializer
{
    private static readonly CypherStatement Version = CypherStatement.Load("meta-version");
    private static readonly CypherStatement Counts = CypherStatement.Load("counts");
    private static readonly CypherStatement GetNodes = CypherStatement.Load("nodes-get");
    private static readonly CypherStatement GetLinks = CypherStatement.Load("links-get");
    private static readonly CypherStatement NodesPage = CypherStatement.Load("nodes-page");
    private static readonly CypherStatement LinksPage = CypherStatement.Load("links-page");
    private static readonly CypherStatement Lock = CypherStatement.Load("meta-lock");

    private readonly Neo4jQueryClient _client;
    private readonly TimeProvider _time;
    private readonly int _pageSize;

    public Neo4jGraphStore(Neo4jQueryClient client, TimeProvider time, IOptions<Neo4jOptions> options)
    {
        _client = client;
        _time = time;
        _pageSize = options.Value.PageSize;
    }

    /// <summary>Creates constraints and indexes (each in its own request, as Neo4j requires) and the version counter.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in CypherStatement.LoadAll("schema"))
        {
            await _client.RunAsync(statement, null, AccessMode.Write, cancellationToken);
        }
        await _client.RunAsync(CypherStatement.Load("meta-init"), null, AccessMode.Write, cancellationToken);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Version, null, AccessMode.Read, cancellationToken);
        return result.Scalar() as long? ?? throw new StoreUnavailableException("The Neo4j store is not initialised yet.");
    }

    public async Task<GraphCounts> CountAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Counts, Params([.. Seen(viewer), ("types", LinkMaps.AllTypes)]), AccessMode.Read, cancellationToken);
        if (result.Rows.Count == 0)
        {
            throw new StoreUnavailableException("The Neo4j store is not initialised yet.");
        }
        var row = result.Rows[0];
        return new GraphCounts((long)row[0]!, (long)row[1]!, (long)row[2]!);
    }

    public async Task<IReadOnlyList<Node>> GetNodesAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var result = await _client.RunAsync(GetNodes, Params([.. Seen(viewer), ("ids", ids)]), AccessMode.Read, cancellationToken);
        return result.Rows.Select(r => NodeMaps.Read(r[0])).ToList();
    }

    public async Task<IReadOnlyList<Link>> GetLinksAsync(Viewer viewer, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var result = await _client.RunAsync(GetLinks, Params([.. Seen(viewer), ("ids", ids)]), AccessMode.Read, cancellationToken);
        return result.Rows.Select(r => LinkMaps.Read(r[0])).ToList();
    }

    /// <summary>
    /// Pages through nodes, then links, in one transaction that holds the store's write lock: Neo4j reads at read
    /// committed, so the lock is what keeps a write from landing between two pages (writes wait for the export). No
    /// page is larger than <see cref="Neo4jOptions.PageSize"/> rows, whatever the graph's size.
    /// </summary>
    public async Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken)
    {
        await using var transaction = await _client.BeginAsync(AccessMode.Write, cancellationToken);
        var locked = await transaction.RunAsync(Lock, Params(("now", PropertyMaps.Param(_time.GetUtcNow()))), cancellationToken);
        var version = locked.Rows.Count > 0 ? (long)locked.Rows[0][0]! : throw new StoreUnavailableException("The Neo4j store is not initialised yet.");
        var sequenced = sink as ISequencedSink;
        var topologyOnly = sink is ITopologySink && sequenced is null;
        await PageAsync(transaction, NodesPage, Params(Seen(viewer)), value =>
        {
            var seq = NodeMaps.Seq(value);
            if (sequenced is not null)
            {
                sequenced.AddNode(NodeMaps.Read(value), seq);
            }
            else
            {
                sink.AddNode(NodeMaps.Read(value));
            }
            return seq;
        }, cancellationToken);
        await PageAsync(transaction, LinksPage, Params([.. Seen(viewer), ("types", LinkMaps.AllTypes)]), value =>
        {
            var seq = LinkMaps.Seq(value);
            if (sequenced is not null)
            {
                sequenced.AddLink(LinkMaps.Read(value, topologyOnly: false), seq);
            }
            else
            {
                sink.AddLink(LinkMaps.Read(value, topologyOnly));
            }
            return seq;
        }, cancellationToken);
        return version;
    }

    private async Task PageAsync(
        Neo4jTransaction transaction, CypherStatement statement, Dictionary<string, object?> parameters, Func<object?, long> add, CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var page = await transaction.RunAsync(statement, new Dictionary<string, object?>(parameters) { ["after"] = after, ["take"] = _pageSize }, cancellationToken);
            foreach (var row in page.Rows)
            {
                after = add(row[0]);
            }
            if (page.Rows.Count < _pageSize)
            {
                return;
            }
        }
    }

    /// <summary>Neo4j has no deferred indexes to switch off: a bulk load checks and writes each batch as any write does.</summary>
    public Task<IBulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken) => Task.FromResult<IBulkLoad>(new Writes.CheckedWhenWrittenLoad(this));

    /// <summary>The parameters of the visibility predicates every read statement carries ($seeAll, $viewer).</summary>
    internal static (string Name, object? Value)[] Seen(Viewer viewer) => [("seeAll", viewer.SeesAll), ("viewer", viewer.AuthorityId)];

    internal static Dictionary<string, object?> Params(params (string Name, object? Value)[] parameters)
    {
        var result = new Dictionary<string, object?>(parameters.Length, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            result[name] = value;
        }
        return result;
    }
}
