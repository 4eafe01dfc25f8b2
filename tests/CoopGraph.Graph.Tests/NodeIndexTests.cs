using CoopGraph.Domain.Model;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// The read model's node index after nodes were appended, and the text index built again for them when first asked for:
/// each finds what a whole copy of the same nodes would.
/// </summary>
public sealed class NodeIndexTests
{
    [Fact]
    public void AppendedNodes_AreFoundByTheNewIndex_AndNeverByTheOlder()
    {
        var indexed = new NodeIndex(new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 0, ["b"] = 1 });

        var once = indexed.Appended(["c", "dé"], 2);
        var twice = once.Appended(["e"], 4);

        foreach (var (id, at) in new[] { ("a", 0), ("b", 1), ("c", 2), ("dé", 3), ("e", 4) })
        {
            Assert.True(twice.TryFind(id, out var found));
            Assert.Equal(at, found);
        }
        Assert.False(indexed.Contains("c"));
        Assert.False(once.Contains("e"));
        Assert.True(once.Contains("dé"));
        Assert.False(twice.Contains("DÉ"));
        Assert.Equal(3, twice.AppendedCount);
        Assert.True(twice.SharesIndexWith(indexed));
    }

    [Fact]
    public void ANodeHeldAlready_IsRefused()
    {
        var indexed = new NodeIndex(new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 0 });

        Assert.Throws<InvalidOperationException>(() => indexed.Appended(["b", "a"], 1));
        Assert.Throws<ArgumentException>(() => indexed.Appended(["b", "b"], 1));
        Assert.False(indexed.Contains("b"));
    }

    [Fact]
    public void PastAShareOfTheNodesAppended_IndexingIsWanted()
    {
        var indexed = new NodeIndex(Enumerable.Range(0, 64 * NodeIndex.DefaultMinAppended).ToDictionary(i => $"n:{i}", i => i, StringComparer.Ordinal));

        // A 32nd of the nodes, above the minimum.
        Assert.False(indexed.WantsIndexing(2 * NodeIndex.DefaultMinAppended));
        Assert.True(indexed.WantsIndexing(2 * NodeIndex.DefaultMinAppended + 1));
        var appended = indexed.Appended(["x", "y"], 64 * NodeIndex.DefaultMinAppended);
        Assert.True(appended.WantsIndexing(2 * NodeIndex.DefaultMinAppended - 1));
        Assert.False(new NodeIndex([]).WantsIndexing(NodeIndex.DefaultMinAppended));
        Assert.True(new NodeIndex([]).WantsIndexing(NodeIndex.DefaultMinAppended + 1));
    }

    [Fact]
    public async Task APendingTextIndex_IsBuiltWhenFirstAskedFor_AndRanksAsAWholeBuildOfTheSameNodes()
    {
        var nodes = Enumerable.Range(0, 3000).Select(i => (Node)new SseActor
        {
            Id = $"sse:{i}",
            LegalForm = LegalForm.Association,
            Name = i % 3 == 0 ? $"Coopérative mobilité {i}" : $"Atelier {i % 17} jeunesse",
            Description = i % 5 == 0 ? "emploi et mobilité solidaire" : null,
        }).ToArray();
        var first = new PendingTextIndex(ChunkedArray<Node>.From(nodes.AsSpan(0, 2000)), Fts5Tokenizer.Instance, null);
        var pending = new PendingTextIndex(ChunkedArray<Node>.From(nodes), Fts5Tokenizer.Instance, first);

        var built = await pending.BuiltAsync(CancellationToken.None);
        var whole = TextIndex.Build(nodes, Fts5Tokenizer.Instance);

        Assert.Same(built, pending.Get());
        Assert.Equal(nodes.Length, built.Count);
        foreach (var text in new[] { "mobilité", "coop", "atelier 3", "jeunesse emploi", "solidaire" })
        {
            var prefixes = built.Prefixes(text)!;
            Assert.Equal(whole.Matching(prefixes), built.Matching(prefixes));
            Assert.Equal(whole.Best(prefixes, 25, _ => true), built.Best(prefixes, 25, _ => true));
        }
        // The other pending index, of fewer nodes, has its own build: they share only their turn.
        Assert.Equal(2000, (await first.BuiltAsync(CancellationToken.None)).Count);
    }
}
