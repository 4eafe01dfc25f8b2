using CoopGraph.Domain.Analytics.Projection;

namespace CoopGraph.Domain.Tests;

public sealed class StringTableTests
{
    [Fact]
    public void Strings_ComeBackAsAdded_AccentsAndEmptyStringsIncluded()
    {
        var builder = new StringTable.Builder();
        string[] values = ["COOPERATES_WITH:a:b", "", "insee:authority:69123", "théâtre:œuvre", new string('x', 5000)];
        foreach (var value in values)
        {
            builder.Add(value);
        }

        var table = builder.Build();

        Assert.Equal(values.Length, table.Count);
        Assert.Equal(values, Enumerable.Range(0, table.Count).Select(i => table[i]).ToArray());
    }

    [Fact]
    public void IndexAmong_FindsAValueOnlyAmongTheCandidates()
    {
        var builder = new StringTable.Builder();
        foreach (var value in new[] { "a", "b", "théâtre", "d" })
        {
            builder.Add(value);
        }
        var table = builder.Build();

        Assert.Equal(1, table.IndexAmong("théâtre", [0, 2, 3]));
        Assert.Equal(-1, table.IndexAmong("b", [0, 2, 3]));
        Assert.Equal(-1, table.IndexAmong("théâtr", [2]));
    }
}
