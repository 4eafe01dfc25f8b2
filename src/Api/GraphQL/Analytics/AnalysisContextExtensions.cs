using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Graph.Projections;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Analytics;

public static class AnalysisContextExtensions
{
    public static Task<GraphProjection> ProjectionAsync(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ProjectionProvider>().GetAsync(context.CancellationToken);

    public static AnalysisCache AnalysisCache(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<AnalysisCache>();
}
