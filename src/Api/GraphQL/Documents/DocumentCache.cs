using System.Collections.Concurrent;
using CoopGraph.Api.Options;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.GraphQL.Documents;

/// <summary>
/// Documents that passed validation, by their exact text, bounded in entries and in total text length: a flood of
/// distinct documents evicts the least recently used instead of growing memory. A document enters only once its
/// validation succeeded, so what it returns needs only the checks that depend on variables (see
/// <see cref="CachedDocumentExecution"/>).
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evicting = new();
    private readonly int _maxEntries;
    private readonly long _maxChars;
    private long _chars;
    private long _clock;

    public DocumentCache(IOptions<QueryLimitsOptions> options)
    {
        _maxEntries = options.Value.DocumentCacheEntries;
        _maxChars = options.Value.DocumentCacheChars;
    }

    public int Count => _entries.Count;

    /// <summary>The total length of the texts held.</summary>
    public long Chars => Interlocked.Read(ref _chars);

    public GraphQLDocument? Find(string text)
    {
        if (!_entries.TryGetValue(text, out var entry))
        {
            return null;
        }
        entry.LastUsed = Interlocked.Increment(ref _clock);
        return entry.Document;
    }

    /// <summary>Whether this very document was taken from the cache, and if so whether its cost depends on its variables.</summary>
    public bool Holds(string text, GraphQLDocument document, out bool costVaries)
    {
        var held = _entries.TryGetValue(text, out var entry) && ReferenceEquals(entry.Document, document);
        costVaries = held && entry!.CostVaries;
        return held;
    }

    /// <param name="costVaries">Its complexity depends on the variables (a page size given by a variable): checked at every run.</param>
    public void Add(string text, GraphQLDocument document, bool costVaries)
    {
        // A document larger than an eighth of the budget would push out many others for itself.
        if (_maxEntries == 0 || text.Length > _maxChars / 8)
        {
            return;
        }
        if (!_entries.TryAdd(text, new Entry(document, costVaries) { LastUsed = Interlocked.Increment(ref _clock) }))
        {
            return;
        }
        if (Interlocked.Add(ref _chars, text.Length) > _maxChars || _entries.Count > _maxEntries)
        {
            Evict();
        }
    }

    /// <summary>Drops the least recently used until three quarters of each bound are left, so that eviction is rare.</summary>
    private void Evict()
    {
        lock (_evicting)
        {
            if (Chars <= _maxChars && _entries.Count <= _maxEntries)
            {
                return;
            }
            var oldestFirst = _entries.ToArray();
            Array.Sort(oldestFirst, (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            foreach (var (text, _) in oldestFirst)
            {
                if (Chars <= _maxChars * 3 / 4 && _entries.Count <= _maxEntries * 3 / 4)
                {
                    break;
                }
                if (_entries.TryRemove(text, out _))
                {
                    Interlocked.Add(ref _chars, -text.Length);
                }
            }
        }
    }

    private sealed class Entry(GraphQLDocument document, bool costVaries)
    {
        public GraphQLDocument Document { get; } = document;

        public bool CostVaries { get; } = costVaries;

        public long LastUsed { get; set; }
    }
}
