using System.Collections.Concurrent;
using CoopGraph.Api.Authentication;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL.DataLoader;

namespace CoopGraph.Api.GraphQL.Loading;

/// <summary>
/// The batch loaders of one GraphQL request (registered scoped). Loaders whose results depend on field
/// arguments are kept per distinct argument set, so that a page of actors asking for
/// <c>links(first: 5)</c> costs one store call for all of them.
/// </summary>
/// Every load answers for the request's caller (see <see cref="Viewer"/>), taken from the first field that asks for the
/// loaders (<see cref="Common.ResolveContextExtensions.Loaders"/>): one request, one caller.
public sealed class RequestLoaders(RequestReader reader)
{
    private Viewer? _viewer;

    /// <summary>The request's caller, as every read of the request answers for it.</summary>
    public Viewer Viewer => _viewer ?? Viewer.Public;

    /// <summary>Sets the caller the loads answer for, once per request.</summary>
    public RequestLoaders For(System.Security.Claims.ClaimsPrincipal? user)
    {
        _viewer ??= user?.AsViewer() ?? Viewer.Public;
        return this;
    }

    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    public IDataLoaderResult<Node?> Node(string id) =>
        reader.Immediate is { } now ? new Known<Node?>(now.Node(Viewer, id)) :
        Get("node", () => new BatchLoader<string, Node>(async (ids, ct) =>
            (await (await reader.GetAsync(ct)).GetNodesAsync(Viewer, ids, ct)).ToDictionary(n => n.Id, StringComparer.Ordinal))).Load(id);

    public IDataLoaderResult<Page<Link>?> LinksOf(string nodeId, IReadOnlyCollection<LinkType>? types, PageRequest page)
    {
        if (reader.Immediate is { } now)
        {
            return new Known<Page<Link>?>(now.LinksOf(Viewer, nodeId, types, page));
        }
        var key = $"links|{(types is null ? "*" : string.Join(',', types.Order()))}|{page.First}|{page.After}";
        return Get(key, () => new BatchLoader<string, Page<Link>>(async (ids, ct) => await (await reader.GetAsync(ct)).GetLinksOfNodesAsync(Viewer, ids, types, page, ct))).Load(nodeId);
    }

    public IDataLoaderResult<IReadOnlyList<Link>> Links(IReadOnlyList<string> ids)
    {
        if (reader.Immediate is { } now)
        {
            return new Known<IReadOnlyList<Link>>(Present(ids.Select(id => now.Link(Viewer, id))));
        }
        var loader = Get("link", () => new BatchLoader<string, Link>(async (keys, ct) =>
            (await (await reader.GetAsync(ct)).GetLinksAsync(Viewer, keys, ct)).ToDictionary(l => l.Id, StringComparer.Ordinal)));
        var parts = ids.Select(loader.Load).ToList();
        return new LinkList(parts);
    }

    /// <summary>The ids at the other end of a node's links of one type: a service's authority, an actor's themes…</summary>
    public IDataLoaderResult<IReadOnlyList<string>?> Neighbours(string nodeId, LinkType type, LinkDirection direction) =>
        reader.Immediate is { } now ? new Known<IReadOnlyList<string>?>(now.NeighbourIds(Viewer, nodeId, type, direction)) :
        Get($"neighbours|{type}|{direction}", () => new BatchLoader<string, IReadOnlyList<string>>(async (ids, ct) =>
            await (await reader.GetAsync(ct)).GetNeighbourIdsAsync(Viewer, ids, type, direction, ct))).Load(nodeId);

    /// <summary>
    /// The nodes at the other end of a node's links of one type, each once (FUNDS and APPLIED_TO repeat over the years),
    /// loaded in two batched steps.
    /// </summary>
    public IDataLoaderResult NeighbourNodes(string nodeId, LinkType type, LinkDirection direction, NodeKind? kind = null) =>
        Chain(Neighbours(nodeId, type, direction), ids => Nodes(ids?.Distinct(StringComparer.Ordinal).ToList() ?? [], kind));

    /// <summary>The first node at the other end of a node's links of one type, or null.</summary>
    public IDataLoaderResult NeighbourNode(string nodeId, LinkType type, LinkDirection direction) =>
        Chain(Neighbours(nodeId, type, direction), ids => ids is { Count: > 0 } ? Node(ids[0]) : NoNode);

    public IDataLoaderResult<IReadOnlyList<Node>> Nodes(IReadOnlyList<string> ids, NodeKind? kind = null)
    {
        if (reader.Immediate is { } now)
        {
            return new Known<IReadOnlyList<Node>>(Present(ids.Select(id => now.Node(Viewer, id)), kind));
        }
        return new CombinedResult(ids.Select(Node).ToList(), kind);
    }

    // What a list of loads gives: the items found, in the order asked (repeats kept), of the kind asked when one is.
    private static List<Node> Present(IEnumerable<Node?> nodes, NodeKind? kind) =>
        nodes.OfType<Node>().Where(node => kind is null || node.Kind == kind).ToList();

    private static List<Link> Present(IEnumerable<Link?> links) => links.OfType<Link>().ToList();

    // A first step answered at once goes straight on to the second.
    private static IDataLoaderResult Chain<TIn>(IDataLoaderResult<TIn> first, Func<TIn, IDataLoaderResult> next) =>
        first is Known<TIn> known ? next(known.Value) : new Chained<TIn>(first, next);

    private BatchLoader<string, T> Get<T>(string key, Func<BatchLoader<string, T>> create) =>
        (BatchLoader<string, T>)_loaders.GetOrAdd(key, _ => create());

    // The engine awaits a loader result and, when it gets another one back, queues it again: so every
    // sibling's first step is fetched in one batch before any second step runs, and those batch too.
    private sealed class Chained<TIn>(IDataLoaderResult<TIn> first, Func<TIn, IDataLoaderResult> next) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            next(await first.GetResultAsync(cancellationToken));
    }

    private static readonly Known<object?> NoNode = new(null);

    private sealed class LinkList(List<IDataLoaderResult<Link?>> parts) : IDataLoaderResult<IReadOnlyList<Link>>
    {
        public async Task<IReadOnlyList<Link>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var links = new Link?[parts.Count];
            for (var i = 0; i < parts.Count; i++)
            {
                links[i] = await parts[i].GetResultAsync(cancellationToken);
            }
            return Present(links);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class CombinedResult(List<IDataLoaderResult<Node?>> parts, NodeKind? kind) : IDataLoaderResult<IReadOnlyList<Node>>
    {
        public async Task<IReadOnlyList<Node>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var nodes = new Node?[parts.Count];
            for (var i = 0; i < parts.Count; i++)
            {
                nodes[i] = await parts[i].GetResultAsync(cancellationToken);
            }
            return Present(nodes, kind);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
