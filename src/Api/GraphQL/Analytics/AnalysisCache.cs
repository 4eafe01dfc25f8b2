using System.Collections.Concurrent;
using CoopGraph.Domain.Analytics.Projection;

namespace CoopGraph.Api.GraphQL.Analytics;

/// <summary>
/// Keeps the latest results of costly analyses (communities, brokers) per projection version and scope, so that
/// paging through them does not recompute them. Entries of older versions are dropped on first sight of a new one.
/// Each viewer's view of the projection has its own entries: two viewers never share a result.
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
        var entry = _entries.GetOrAdd((projection.Version, typeof(T).Name + "|" + projection.Sight + "|" + key), _ => new Lazy<object>(() => compute()));
        return (T)entry.Value;
    }
}
