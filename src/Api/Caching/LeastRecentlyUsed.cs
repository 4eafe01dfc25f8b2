using System.Collections.Concurrent;

namespace CoopGraph.Api.Caching;

/// <summary>
/// A map by text bounded in entries and in total size, read by many requests at once: when an addition passes either
/// bound, the least recently used entries go until three quarters of each are left, so that eviction is rare and a
/// flood of distinct keys never grows memory. Reads touch an entry without a lock; only eviction takes one.
/// </summary>
/// <param name="evicted">Told of each entry evicted to keep within the bounds (not of those removed or cleared), under the
/// eviction's lock.</param>
public sealed class LeastRecentlyUsed<TValue>(int maxEntries, long maxSize, Func<string, TValue, long> sizeOf, Action<string, TValue>? evicted = null)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evicting = new();
    private long _size;
    private long _clock;

    public int Count => _entries.Count;

    /// <summary>The total size of the entries held, as <c>sizeOf</c> measures them.</summary>
    public long Size => Interlocked.Read(ref _size);

    /// <param name="touch">Whether this read counts as a use (false to look without keeping the entry longer).</param>
    public bool TryGet(string key, out TValue value, bool touch = true)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (touch)
            {
                entry.LastUsed = Interlocked.Increment(ref _clock);
            }
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Adds the entry unless the key is held already (then false); evicts when a bound is passed.</summary>
    public bool Add(string key, TValue value)
    {
        if (!_entries.TryAdd(key, new Entry(value) { LastUsed = Interlocked.Increment(ref _clock) }))
        {
            return false;
        }
        if (Interlocked.Add(ref _size, sizeOf(key, value)) > maxSize || _entries.Count > maxEntries)
        {
            Evict();
        }
        return true;
    }

    /// <summary>Removes the entry, when it is held.</summary>
    public bool Remove(string key, out TValue value)
    {
        lock (_evicting)
        {
            if (_entries.TryRemove(key, out var entry))
            {
                Interlocked.Add(ref _size, -sizeOf(key, entry.Value));
                value = entry.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public void Clear()
    {
        lock (_evicting)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _size, 0);
        }
    }

    private void Evict()
    {
        lock (_evicting)
        {
            if (Size <= maxSize && _entries.Count <= maxEntries)
            {
                return;
            }
            var oldestFirst = _entries.ToArray();
            Array.Sort(oldestFirst, (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            foreach (var (key, entry) in oldestFirst)
            {
                if (Size <= maxSize * 3 / 4 && _entries.Count <= maxEntries * 3 / 4)
                {
                    break;
                }
                if (_entries.TryRemove(key, out _))
                {
                    Interlocked.Add(ref _size, -sizeOf(key, entry.Value));
                    evicted?.Invoke(key, entry.Value);
                }
            }
        }
    }

    private sealed class Entry(TValue value)
    {
        public TValue Value { get; } = value;

        public long LastUsed { get; set; }
    }
}
