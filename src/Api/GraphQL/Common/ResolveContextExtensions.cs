using CoopGraph.Api.GraphQL.Loading;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Common;

public static class ResolveContextExtensions
{
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestLoaders>();

    public static CoopGraph.Graph.IGraphStore Store(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CoopGraph.Graph.IGraphStore>();
}
