using System.Runtime.CompilerServices;
using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// The text index of a snapshot that appended nodes to the one before it. Every node's score depends on the whole index
/// (bm25 counts the nodes and their mean size), so the index is built again over all of them: 0.9 s for a million nodes,
/// too long for the write whose changes are being applied. It is built when a read first asks for it, on a thread of its
/// own, one build at a time for all the snapshots that follow one another; until it is built, the snapshot leaves text
/// reads to the store.
/// </summary>
internal sealed class PendingTextIndex
{
    private readonly ChunkedArray<Node> _nodes;
    private readonly ITextTokenizer _tokenizer;
    // Shared by the snapshots that follow one another: builds for snapshots a newer one replaced would waste a core.
    private readonly StrongBox<int> _building;
    private TextIndex? _built;
    private Task? _build;

    /// <param name="before">The pending index of the snapshot this one follows, if any: they share their builds' turn.</param>
    public PendingTextIndex(ChunkedArray<Node> nodes, ITextTokenizer tokenizer, PendingTextIndex? before)
    {
        _nodes = nodes;
        _tokenizer = tokenizer;
        _building = before?._building ?? new StrongBox<int>();
    }

    /// <summary>The index once built; until then null, and its build is started unless another one runs.</summary>
    public TextIndex? Get()
    {
        if (Volatile.Read(ref _built) is { } built)
        {
            return built;
        }
        if (Volatile.Read(ref _build) is null && Interlocked.CompareExchange(ref _building.Value, 1, 0) == 0)
        {
            if (Volatile.Read(ref _build) is null)
            {
                Volatile.Write(ref _build, Task.Run(Build));
            }
            else
            {
                Volatile.Write(ref _building.Value, 0);
            }
        }
        return null;
    }

    /// <summary>Waits for the index, starting its build when none runs: for tests and warm-ups, never for a request.</summary>
    internal async Task<TextIndex> BuiltAsync(CancellationToken cancellationToken)
    {
        while (Get() is null)
        {
            await (Volatile.Read(ref _build) ?? Task.Delay(5, cancellationToken));
        }
        return _built!;
    }

    private void Build()
    {
        try
        {
            var builder = new TextIndexBuilder(_tokenizer);
            foreach (var node in _nodes)
            {
                builder.Add(node);
            }
            Volatile.Write(ref _built, builder.Build());
        }
        finally
        {
            Volatile.Write(ref _building.Value, 0);
        }
    }
}
