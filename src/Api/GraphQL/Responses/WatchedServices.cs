using CoopGraph.Api.GraphQL.Loading;

namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// The request's services as its resolvers see them while an answer may be cached: a resolver that asks for anything
/// but the graph's readers (surveys, the projection, keys, the clock of a stream…) marks the answer as not the store
/// version's alone, and it is not kept. So a field added later that reads elsewhere is never served from the cache by
/// mistake.
/// </summary>
public sealed class WatchedServices(IServiceProvider inner) : IServiceProvider
{
    private int _elsewhere;

    /// <summary>Whether a resolver asked for a service other than the graph's readers.</summary>
    public bool ReadElsewhere => Volatile.Read(ref _elsewhere) != 0;

    public object? GetService(Type serviceType)
    {
        if (!ReadsOnlyTheGraph(serviceType))
        {
            Interlocked.Exchange(ref _elsewhere, 1);
        }
        return inner.GetService(serviceType);
    }

    // GraphQL.NET asks for its schema, validation rules and their options while it validates: none of them reads data.
    private static bool ReadsOnlyTheGraph(Type type) =>
        type == typeof(RequestLoaders) || type == typeof(RequestReader) || type == typeof(CoopGraph.Graph.IGraphStore)
        || typeof(global::GraphQL.Validation.IValidationRule).IsAssignableFrom(type)
        || type.Namespace?.StartsWith("GraphQL", StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Microsoft.Extensions.Options.IOptions<>));
}
