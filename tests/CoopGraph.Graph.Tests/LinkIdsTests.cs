using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Tests;

/// <summary>The read model's link ids, held as UTF-8 in one block: each found by its id, and given back as it was.</summary>
public sealed class LinkIdsTests
{
    [Fact]
    public void EveryId_IsFoundAtItsPlace_AndComesBackAsItWas()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => i % 3 == 0 ? $"gen:{i}" : i % 3 == 1 ? $"coopération:é-{i}" : $"l:{new string('z', i % 300)}{i}").ToList();
        ids.Add("");
        ids.Add("日本:1");
        var builder = new LinkIds.Builder();
        ids.ForEach(builder.Add);
        var held = builder.Build();

        Assert.Equal(ids.Count, held.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(held.TryFind(ids[i], out var found));
            Assert.Equal(i, found);
            Assert.Equal(ids[i], held[i]);
        }
        Assert.False(held.TryFind("gen:1", out var missing));
        Assert.Equal(-1, missing);
        Assert.False(held.TryFind("GEN:0", out _));
        Assert.False(held.TryFind(new string('é', 400), out _));
    }

    [Fact]
    public void IdsCopiedFromAnotherBlock_AreTheSame()
    {
        var first = new LinkIds.Builder();
        first.Add("a");
        first.Add("bé");
        var from = first.Build();
        var second = new LinkIds.Builder();
        second.Add(from, 1);
        second.Add("c");
        second.Add(from, 0);

        var copy = second.Build();

        Assert.Equal(["bé", "c", "a"], Enumerable.Range(0, copy.Count).Select(i => copy[i]));
        Assert.True(copy.TryFind("a", out var a));
        Assert.Equal(2, a);
    }

    [Fact]
    public void AnIdGivenTwice_IsRefused()
    {
        var builder = new LinkIds.Builder();
        builder.Add("same");
        builder.Add("other");
        builder.Add("same");

        var refused = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("same", refused.Message, StringComparison.Ordinal);
    }
}
