using CoopGraph.Api.Caching;
using CoopGraph.Api.Options;
using CoopGraph.Graph.ReadModel;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// Serialised answers of reads, by the request's document, operation name, variables and viewer, all of them the
/// answers of one store version: the newest the cache has heard of. When the read model publishes the next version with
/// what it changed (<see cref="SnapshotChanges"/>), the answers that read a changed node, link or list of links, and
/// those that read a listing, are dropped, and the others are kept as the next version's: they are what it would answer.
/// Any other new version (a whole copy of the graph, a version heard of first from a request) drops them all. Bounded
/// in bytes (least recently used out first).
/// </summary>
public sealed class ResponseCache
{
    private readonly LeastRecentlyUsed<KeptAnswer> _entries;
    private readonly AnswersByRead _index = new();
    // Orders additions, drops and moves to a newer version: an answer is never added for a version the cache has left.
    private readonly Lock _gate = new();
    private readonly long _maxBytes;
    private long _version = -1;
    private long _carried;

    public ResponseCache(IOptions<ResponseCacheOptions> options, ReadModelProvider readModel)
    {
        _maxBytes = options.Value.MaxBytes;
        // Evictions happen inside Add, which runs under the gate.
        _entries = new LeastRecentlyUsed<KeptAnswer>(int.MaxValue, _maxBytes, static (key, answer) => answer.Size(key), _index.Remove);
        if (Enabled)
        {
            readModel.Publishing += Advance;
        }
    }

    public bool Enabled => _maxBytes > 0;

    public int Count => _entries.Count;

    /// <summary>What the held answers, their keys and what they read take, in bytes (roughly, a key's characters count two).</summary>
    public long Bytes => _entries.Size;

    /// <summary>How many answers were kept across a new version since the start.</summary>
    public long Carried => Interlocked.Read(ref _carried);

    public bool TryGet(long version, string key, out byte[] body)
    {
        // Every answer held is the current version's: those a newer version alters are gone before it is current here.
        if (Interlocked.Read(ref _version) == version && _entries.TryGet(key, out var answer))
        {
            body = answer.Body;
            return true;
        }
        body = [];
        return false;
    }

    /// <param name="reads">What the request read to answer (recorded while it ran; complete now).</param>
    public void Add(long version, string key, byte[] body, ReadSet reads)
    {
        // An answer larger than an eighth of the budget would push out many others for itself.
        if (!Enabled || key.Length * 2L + body.Length > _maxBytes / 8)
        {
            return;
        }
        var answer = KeptAnswer.Of(body, reads);
        lock (_gate)
        {
            if (version < _version)
            {
                return;
            }
            if (version > _version)
            {
                DropAll(version);
            }
            if (_entries.Add(key, answer))
            {
                _index.Add(key, answer);
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031",
        Justification = "Called as the read model publishes, maybe on a write's thread: a failure drops every answer instead.")]
    private void Advance(ReadModelSnapshot snapshot)
    {
        lock (_gate)
        {
            if (snapshot.Version <= _version)
            {
                return;
            }
            try
            {
                if (snapshot.Changes is { } changes && changes.Since == _version)
                {
                    Carry(changes);
                    return;
                }
            }
            catch (Exception)
            {
                // Below: nothing kept is trusted.
            }
            DropAll(snapshot.Version);
        }
    }

    private void Carry(SnapshotChanges changes)
    {
        if (!changes.IsEmpty)
        {
            foreach (var key in _index.TouchedBy(changes))
            {
                if (_entries.Remove(key, out var answer))
                {
                    _index.Remove(key, answer);
                }
            }
        }
        Interlocked.Add(ref _carried, _entries.Count);
        // Last: a request of the new version finds only answers that hold for it.
        Interlocked.Exchange(ref _version, changes.Version);
    }

    private void DropAll(long version)
    {
        _entries.Clear();
        _index.Clear();
        Interlocked.Exchange(ref _version, version);
    }
}
