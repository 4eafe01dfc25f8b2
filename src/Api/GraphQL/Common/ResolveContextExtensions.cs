using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Domain.Model;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Common;

public static class ResolveContextExtensions
{
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestLoaders>().For(context.User);

    /// <summary>Who asks: every read answers on the graph this viewer can see, every write is checked against it.</summary>
    public static Viewer Viewer(this IResolveFieldContext context) => context.Loaders().Viewer;

    /// <summary>The request's reader: every read of a request answers from the same store version when the read model holds it.</summary>
    public static Task<CoopGraph.Graph.IGraphReader> ReaderAsync(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestReader>().GetAsync(context.CancellationToken);

    /// <summary>The request's reader itself, for what it answers beside the graph's reads (its snapshot, the projection).</summary>
    public static RequestReader RequestReader(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestReader>();

    /// <summary>The store itself, for writes and what only the store answers (its version).</summary>
    public static CoopGraph.Graph.IGraphStore Store(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CoopGraph.Graph.IGraphStore>();
}
