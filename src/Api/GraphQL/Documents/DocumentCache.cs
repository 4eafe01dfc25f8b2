using CoopGraph.Api.Caching;
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
    private readonly LeastRecentlyUsed<Entry> _entries;
    private readonly int _maxEntries;
    private readonly long _maxChars;

    public DocumentCache(IOptions<QueryLimitsOptions> options)
    {
        _maxEntries = options.Value.DocumentCacheEntries;
        _maxChars = options.Value.DocumentCacheChars;
        _entries = new LeastRecentlyUsed<Entry>(_maxEntries, _maxChars, static (text, _) => text.Length);
    }

    public int Count => _entries.Count;

    /// <summary>The total length of the texts held.</summary>
    public long Chars => _entries.Size;

    /// <summary>The document validated for this text, and whether its cost depends on its variables; null when none is held.</summary>
    public GraphQLDocument? Find(string text, out bool costVaries)
    {
        var found = _entries.TryGet(text, out var entry);
        costVaries = found && entry.CostVaries;
        return found ? entry.Document : null;
    }

    /// <summary>Whether this very document was taken from the cache, and if so whether its cost depends on its variables.</summary>
    public bool Holds(string text, GraphQLDocument document, out bool costVaries)
    {
        var held = _entries.TryGet(text, out var entry, touch: false) && ReferenceEquals(entry.Document, document);
        costVaries = held && entry.CostVaries;
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
        _entries.Add(text, new Entry(document, costVaries));
    }

    private sealed record Entry(GraphQLDocument Document, bool CostVaries);
}
