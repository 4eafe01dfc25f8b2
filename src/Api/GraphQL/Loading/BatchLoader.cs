using GraphQL.DataLoader;

namespace CoopGraph.Api.GraphQL.Loading;

/// <summary>
/// Collects the keys asked for while GraphQL.NET resolves one level of a query, then fetches them all in
/// one call when the engine first awaits a result. GraphQL.DataLoader is not served here; the engine's
/// <see cref="IDataLoaderResult{T}"/> contract (resolve a whole level, then await) is all batching needs.
/// </summary>
public sealed class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _absent = [];
    private readonly Lock _gate = new();
    private HashSet<TKey> _pending = [];
    private Task? _inFlight;

    public BatchLoader(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key) && !_absent.Contains(key))
            {
                _pending.Add(key);
            }
        }
        return new Pending(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task batch;
            lock (_gate)
            {
                if (_loaded.TryGetValue(key, out var value))
                {
                    return value;
                }
                if (_absent.Contains(key))
                {
                    return default;
                }
                if (_inFlight is null || _inFlight.IsCompleted)
                {
                    _pending.Add(key);
                    var keys = _pending;
                    _pending = [];
                    _inFlight = FetchAsync(keys, cancellationToken);
                }
                batch = _inFlight;
            }
            // A key queued after this batch left is fetched by the next turn of the loop.
            await batch;
        }
    }

    private async Task FetchAsync(HashSet<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await _fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (values.TryGetValue(key, out var value))
                {
                    _loaded[key] = value;
                }
                else
                {
                    _absent.Add(key);
                }
            }
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
