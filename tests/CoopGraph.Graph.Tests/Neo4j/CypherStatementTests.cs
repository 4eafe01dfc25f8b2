using CoopGraph.Graph.Neo4j.QueryApi;

namespace CoopGraph.Graph.Tests.Neo4j;

public sealed class CypherStatementTests
{
    [Fact]
    public void TheSchema_SplitsIntoOneCommandPerRequest_CommentsLeftOut()
    {
        var commands = CypherStatement.LoadAll("schema");

        Assert.All(commands, c => Assert.Matches("^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) [a-z_]+ IF NOT EXISTS", c.Text));
        Assert.All(commands, c => Assert.DoesNotContain("//", c.Text));
        // One uniqueness constraint and one seq index per link type, beside the node constraints and indexes.
        var linkTypes = Enum.GetValues<CoopGraph.Domain.Model.LinkType>().Length;
        Assert.Equal(linkTypes, commands.Count(c => c.Text.Contains("REQUIRE r.id IS UNIQUE", StringComparison.Ordinal)));
        Assert.Equal(linkTypes, commands.Count(c => c.Text.Contains("ON (r.seq)", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryEmbeddedStatement_Loads_AndAnUnknownOneIsRefused()
    {
        var resources = typeof(CypherStatement).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Cypher.", StringComparison.Ordinal)).ToList();

        Assert.True(resources.Count >= 30);
        Assert.All(resources, r => Assert.False(string.IsNullOrWhiteSpace(CypherStatement.Load(r["Cypher.".Length..]).Text)));
        Assert.Throws<InvalidOperationException>(() => CypherStatement.Load("no-such-statement"));
    }
}
