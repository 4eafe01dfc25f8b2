using CoopGraph.Api.Caching;
using CoopGraph.Api.Options;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// Serialised answers of reads, each kept for the store version it answers, by the request's document, operation name,
/// variables and viewer. Only the newest version's answers are held: the first answer of a newer version drops the
/// others, since no request that starts from then on can ask for them. Bounded in bytes (least recently used out
/// first).
/// </summary>
public sealed class ResponseCache
{
    private readonly LeastRecentlyUsed<Answer> _entries;
    private readonly Lock _versionGate = new();
    private readonly long _maxBytes;
    private long _version = -1;

    public ResponseCache(IOptions<ResponseCacheOptions> options)
    {
        _maxBytes = options.Value.MaxBytes;
        _entries = new LeastRecentlyUsed<Answer>(int.MaxValue, _maxBytes, static (key, answer) => Size(key, answer.Body));
    }

    public bool Enabled => _maxBytes > 0;

    public int Count => _entries.Count;

    /// <summary>What the held answers and their keys take, in bytes (a key's characters count two).</summary>
    public long Bytes => _entries.Size;

    public bool TryGet(long version, string key, out byte[] body)
    {
        var held = _entries.TryGet(key, out var answer) && answer.Version == version;
        body = held ? answer.Body : [];
        return held;
    }

    public void Add(long version, string key, byte[] body)
    {
        // An answer larger than an eighth of the budget would push out many others for itself.
        if (!Enabled || Size(key, body) > _maxBytes / 8)
        {
            return;
        }
        if (version != Interlocked.Read(ref _version))
        {
            lock (_versionGate)
            {
                if (version < Interlocked.Read(ref _version))
                {
                    return;
                }
                if (version > Interlocked.Read(ref _version))
                {
                    _entries.Clear();
                    Interlocked.Exchange(ref _version, version);
                }
            }
        }
        _entries.Add(key, new Answer(version, body));
    }

    private static long Size(string key, byte[] body) => key.Length * 2L + body.Length;

    private sealed record Answer(long Version, byte[] Body);
}
