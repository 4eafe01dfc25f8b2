using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// The <see cref="ResponseCache"/>'s answers by what they read: for a version's <see cref="SnapshotChanges"/>, the
/// answers it may alter are found from the changes (thousands in an import's batch) rather than by going through every
/// answer held. Not thread-safe: the cache uses it under its own lock.
/// </summary>
internal sealed class AnswersByRead
{
    private readonly Dictionary<string, HashSet<string>> _byNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byLink = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byEnd = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wide = new(StringComparer.Ordinal);

    public void Add(string key, KeptAnswer answer)
    {
        if (answer.ReadEverything)
        {
            _wide.Add(key);
            return;
        }
        foreach (var (index, reads) in IndexesOf(answer))
        {
            foreach (var read in reads)
            {
                if (!index.TryGetValue(read, out var keys))
                {
                    index[read] = keys = new HashSet<string>(StringComparer.Ordinal);
                }
                keys.Add(key);
            }
        }
    }

    public void Remove(string key, KeptAnswer answer)
    {
        if (answer.ReadEverything)
        {
            _wide.Remove(key);
            return;
        }
        foreach (var (index, reads) in IndexesOf(answer))
        {
            foreach (var read in reads)
            {
                if (index.TryGetValue(read, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    index.Remove(read);
                }
            }
        }
    }

    /// <summary>The keys of the answers <paramref name="changes"/> may alter: every wide read, and those that read a changed key.</summary>
    public HashSet<string> TouchedBy(SnapshotChanges changes)
    {
        var touched = new HashSet<string>(_wide, StringComparer.Ordinal);
        Gather(_byNode, changes.Nodes, touched);
        Gather(_byLink, changes.Links, touched);
        Gather(_byEnd, changes.Ends, touched);
        return touched;
    }

    public void Clear()
    {
        _byNode.Clear();
        _byLink.Clear();
        _byEnd.Clear();
        _wide.Clear();
    }

    private (Dictionary<string, HashSet<string>> Index, string[] Reads)[] IndexesOf(KeptAnswer answer) =>
        [(_byNode, answer.Nodes), (_byLink, answer.Links), (_byEnd, answer.Ends)];

    private static void Gather(Dictionary<string, HashSet<string>> index, IReadOnlySet<string> changed, HashSet<string> touched)
    {
        // The smaller side is walked: a batch may change more keys than are read, or the other way round.
        if (changed.Count <= index.Count)
        {
            foreach (var id in changed)
            {
                if (index.TryGetValue(id, out var keys))
                {
                    touched.UnionWith(keys);
                }
            }
            return;
        }
        foreach (var (read, keys) in index)
        {
            if (changed.Contains(read))
            {
                touched.UnionWith(keys);
            }
        }
    }
}
