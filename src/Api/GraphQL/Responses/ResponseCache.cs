using System.Collections.Concurrent;
using CoopGraph.Api.Options;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// Serialised answers of reads, each kept for the store version it answers, by the request's document, operation name,
/// variables and viewer. Only the newest version's answers are held: the first answer
/// of a newer version drops the others, since no request that starts from then on can ask for them. Bounded in bytes:
/// a flood of distinct requests evicts the least recently used answers instead of growing memory.
/// </summary>
public sealed class ResponseCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evicting = new();
    private readonly long _maxBytes;
    private long _bytes;
    private long _clock;
    private long _version = -1;

    public ResponseCache(IOptions<ResponseCacheOptions> options) => _maxBytes = options.Value.MaxBytes;

    public bool Enabled => _maxBytes > 0;

    public int Count => _entries.Count;

    /// <summary>What the held answers and their keys take, in bytes (a key's characters count two).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public bool TryGet(long version, string key, out byte[] body)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            body = entry.Body;
            return true;
        }
        body = [];
        return false;
    }

    public void Add(long version, string key, byte[] body)
    {
        var size = Size(key, body);
        // An answer larger than an eighth of the budget would push out many others for itself.
        if (!Enabled || size > _maxBytes / 8)
        {
            return;
        }
        if (version != Interlocked.Read(ref _version))
        {
            lock (_evicting)
            {
                if (version < Interlocked.Read(ref _version))
                {
                    return;
                }
                if (version > Interlocked.Read(ref _version))
                {
                    _entries.Clear();
                    Interlocked.Exchange(ref _bytes, 0);
                    Interlocked.Exchange(ref _version, version);
                }
            }
        }
        if (!_entries.TryAdd(key, new Entry(version, body) { LastUsed = Interlocked.Increment(ref _clock) }))
        {
            return;
        }
        if (Interlocked.Add(ref _bytes, size) > _maxBytes)
        {
            Evict();
        }
    }

    private static long Size(string key, byte[] body) => key.Length * 2L + body.Length;

    /// <summary>Drops the least recently used until three quarters of the budget are left, so that eviction is rare.</summary>
    private void Evict()
    {
        lock (_evicting)
        {
            if (Bytes <= _maxBytes)
            {
                return;
            }
            var oldestFirst = _entries.ToArray();
            Array.Sort(oldestFirst, (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            foreach (var (key, entry) in oldestFirst)
            {
                if (Bytes <= _maxBytes * 3 / 4)
                {
                    break;
                }
                if (_entries.TryRemove(key, out _))
                {
                    Interlocked.Add(ref _bytes, -Size(key, entry.Body));
                }
            }
        }
    }

    private sealed class Entry(long version, byte[] body)
    {
        public long Version { get; } = version;

        public byte[] Body { get; } = body;

        public long LastUsed { get; set; }
    }
}
