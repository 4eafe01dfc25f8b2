using System.Collections.Concurrent;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Graph.Projections;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Analytics;

/// <summary>A result computed on one projection, kept with it so that indexes can be turned back into ids.</summary>
public sealed record Projected<T>(GraphProjection Projection, T Value);

/// <summary>
/// Keeps the latest results of costly analyses (communities, brokers) per projection version and scope, so that
/// paging through them does not recompute them. Entries of older versions are dropped on first sight of a new one.
/// </summary>
public sealed class AnalysisCache
{
    private const int Capacity = 32;
    private readonly ConcurrentDictionary<(long Version, string Key), Lazy<object>> _entries = new();

    public T GetOrAdd<T>(GraphProjection projection, string key, Func<T> compute) where T : class
    {
        foreach (var stale in _entries.Keys.Where(k => k.Version != projection.Version))
        {
            _entries.TryRemove(stale, out _);
        }
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        var entry = _entries.GetOrAdd((projection.Version, typeof(T).Name + "|" + key), _ => new Lazy<object>(() => compute()));
        return (T)entry.Value;
    }
}

public static class AnalysisContextExtensions
{
    public static Task<GraphProjection> ProjectionAsync(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ProjectionProvider>().GetAsync(context.CancellationToken);

    public static AnalysisCache AnalysisCache(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<AnalysisCache>();
}
