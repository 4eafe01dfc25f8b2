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

    [Fact]
    public void AppendedIds_AreFoundByTheNewInstance_AndNeverByTheOlder_OneAtATimeOrInBulk()
    {
        var builder = new LinkIds.Builder();
        builder.Add("a:0");
        var versions = new List<(LinkIds Ids, List<string> Holds)> { (builder.Build(), ["a:0"]) };
        // One at a time past every growth of the arrays and the slots, then a bulk of them.
        for (var i = 1; i < 3000; i++)
        {
            var last = versions[^1];
            versions.Add((last.Ids.Appended([$"a:{i}"]), [.. last.Holds, $"a:{i}"]));
        }
        var bulk = Enumerable.Range(0, 5000).Select(i => $"bulk:é{i}").ToList();
        versions.Add((versions[^1].Ids.Appended(bulk), [.. versions[^1].Holds, .. bulk]));

        foreach (var (ids, holds) in versions.Where((_, v) => v % 97 == 0 || v >= versions.Count - 2))
        {
            Assert.Equal(holds.Count, ids.Count);
            for (var i = 0; i < holds.Count; i++)
            {
                Assert.True(ids.TryFind(holds[i], out var found));
                Assert.Equal(i, found);
                Assert.Equal(holds[i], ids[i]);
            }
            Assert.False(ids.TryFind($"a:{holds.Count}", out _));
            Assert.Equal(holds.Count > 3000, ids.TryFind("bulk:é0", out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => ids[holds.Count]);
        }
    }

    [Fact]
    public void TwoAppendsToTheSameInstance_EachHoldOnlyTheirOwn()
    {
        var builder = new LinkIds.Builder();
        Enumerable.Range(0, 100).Select(i => $"l:{i}").ToList().ForEach(builder.Add);
        var before = builder.Build();

        var first = before.Appended(["x", "y"]);
        var second = before.Appended(["z"]);
        var afterFirst = first.Appended(["w"]);

        Assert.True(first.TryFind("y", out var y) && y == 101);
        Assert.False(first.TryFind("z", out _));
        Assert.True(second.TryFind("z", out var z) && z == 100);
        Assert.False(second.TryFind("x", out _));
        Assert.False(second.TryFind("y", out _));
        Assert.True(afterFirst.TryFind("w", out var w) && w == 102);
        Assert.Equal(["x", "y", "w"], [afterFirst[100], afterFirst[101], afterFirst[102]]);
        Assert.False(before.TryFind("x", out _));
        Assert.Equal(100, before.Count);
    }

    [Fact]
    public void AnAppendedIdHeldAlready_IsRefused()
    {
        var builder = new LinkIds.Builder();
        builder.Add("held");
        var before = builder.Build();

        Assert.Throws<InvalidOperationException>(() => before.Appended(["new", "held"]));
        Assert.Throws<InvalidOperationException>(() => before.Appended(["twice", "twice"]));
        Assert.True(before.TryFind("held", out var held) && held == 0);
        Assert.False(before.TryFind("new", out _));
        Assert.True(before.Appended(["new"]).TryFind("new", out var added) && added == 1);
    }
}
