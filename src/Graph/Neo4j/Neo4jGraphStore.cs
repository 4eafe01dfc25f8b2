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
    // One export statement per link type, in the order of LinkMaps.AllTypes.
    private static readonly IReadOnlyList<CypherStatement> LinkPages = LinkMaps.AllTypes
        .Select(type => CypherStatement.LoadAll("links-page-typed").Single(s => s.Text.Contains($"[r:{type}]", StringComparison.Ordinal)))
        .ToList();
    private static readonly CypherStatement Lock = CypherStatement.Load("meta-lock");

    private readonly Neo4jQueryClient _client;
    private readonly TimeProvider _time;
    private readonly int _pageSize;
    private readonly int _exportPageSize;

    // Well inside the Query API's idle timeout for transactions.
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromSeconds(10);

    public Neo4jGraphStore(Neo4jQueryClient client, TimeProvider time, IOptions<Neo4jOptions> options)
    {
        _client = client;
        _time = time;
        _pageSize = options.Value.PageSize;
        _exportPageSize = options.Value.ExportPageSize;
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
    /// Nodes, then links, each in seq order. A write transaction takes the store's lock and holds it (kept alive) while
    /// auto-commit reads page through the nodes and through each link type, all at once: writers wait for the lock, so
    /// every page sees the same committed version, and no transaction holds more than one page. Links of the several
    /// types are merged back into one seq order as they arrive. No page is larger than
    /// <see cref="Neo4jOptions.ExportPageSize"/> rows, whatever the graph's size.
    /// </summary>
    public async Task<long> ExportAsync(Viewer viewer, IGraphSink sink, CancellationToken cancellationToken)
    {
        var (transaction, locked) = await _client.BeginAsync(AccessMode.Write, Lock, Params(("now", PropertyMaps.Param(_time.GetUtcNow()))), cancellationToken);
        await using var _ = transaction;
        var version = locked.Rows.Count > 0 ? (long)locked.Rows[0][0]! : throw new StoreUnavailableException("The Neo4j store is not initialised yet.");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = KeepAliveAsync(transaction, stop.Token);
        var sequenced = sink as ISequencedSink;
        var topologyOnly = sink is ITopologySink && sequenced is null;
        var nodes = new SeqPages(_client, NodesPage, Params(Seen(viewer)), NodeMaps.Seq, _exportPageSize, stop.Token);
        var links = LinkPages
            .Select(statement => new SeqPages(_client, statement, Params(Seen(viewer)), LinkMaps.Seq, _exportPageSize, stop.Token))
            .ToList();
        try
        {
            while (await nodes.MoveNextAsync())
            {
                if (sequenced is not null)
                {
                    sequenced.AddNode(NodeMaps.Read(nodes.Current), nodes.CurrentSeq);
                }
                else
                {
                    sink.AddNode(NodeMaps.Read(nodes.Current));
                }
            }
            var heads = new PriorityQueue<SeqPages, long>();
            foreach (var type in links)
            {
                if (await type.MoveNextAsync())
                {
                    heads.Enqueue(type, type.CurrentSeq);
                }
            }
            while (heads.TryDequeue(out var head, out var seq))
            {
                if (sequenced is not null)
                {
                    sequenced.AddLink(LinkMaps.Read(head.Current, topologyOnly: false), seq);
                }
                else
                {
                    sink.AddLink(LinkMaps.Read(head.Current, topologyOnly));
                }
                if (await head.MoveNextAsync())
                {
                    heads.Enqueue(head, head.CurrentSeq);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(links.Append(nodes).Select(p => p.DrainAsync()).Append(keepAlive));
        }
        return version;
    }

    /// <summary>Extends the lock's transaction while the export reads elsewhere, until <paramref name="stop"/>.</summary>
    private async Task KeepAliveAsync(Neo4jTransaction transaction, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(KeepAlivePeriod, _time, stop);
                await transaction.KeepAliveAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The export is over.
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
