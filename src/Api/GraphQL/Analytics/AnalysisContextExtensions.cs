using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Graph.Projections;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Analytics;

public static class AnalysisContextExtensions
{
    /// <summary>The projection of the current store version, as the caller sees it (see <see cref="GraphProjection.For"/>).</summary>
    public static async Task<GraphProjection> ProjectionAsync(this IResolveFieldContext context) =>
        (await context.RequestServices!.GetRequiredService<ProjectionProvider>().GetAsync(context.CancellationToken)).For(context.Viewer());

    public static AnalysisCache AnalysisCache(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<AnalysisCache>();
}
