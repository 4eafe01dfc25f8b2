using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Tests;

/// <summary>
/// Exact names first, then names that start with what was typed, then the index's order — with case, accents and
/// punctuation not counting. Checked against the rule written out plainly (both folded in full, then compared) on
/// names drawn from letters, accents, ligatures, digits and punctuation.
/// </summary>
public sealed class SearchRankingTests
{
    private static readonly string[] Pieces =
        ["Lyon", "lyon", "LYON", "Lyonnais", "Métropole", "metropole", "de", "du", "Rhône", "rhone", "Œuvre", "oeuvre", "Saint-Étienne", "saint etienne",
         "69", "(Lyon)", "  ", "-", "Ly", "l'Ain", "Straße", "strasse", "Côte-d'Or", "cote d or"];

    [Fact]
    public void ExactNamesFirst_OrdersAsTheFoldedNamesCompare()
    {
        var random = new Random(2026);
        for (var round = 0; round < 2000; round++)
        {
            var names = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Name(random)).ToList();
            var typed = random.Next(3) == 0 ? names[random.Next(names.Count)] : Name(random);
            var nodes = names.Select((name, i) => (Node)new Theme { Id = $"t{i}", Name = name, Domain = PolicyDomain.Culture }).ToList();
            var first = random.Next(1, 14);

            var expected = Reference(nodes, typed, first).Select(n => n.Id);
            var actual = SearchRanking.ExactNamesFirst(nodes, typed, first).Select(n => n.Id);

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void AnExactName_ComesBeforeAPrefix_WhichComesBeforeTheRest()
    {
        Node Named(string id, string name) => new Theme { Id = id, Name = name, Domain = PolicyDomain.Culture };
        var ranked = new[] { Named("a", "Métropole de Lyon"), Named("b", "Lyonnais"), Named("c", "Commune de Lyon"), Named("d", "LYON") };

        Assert.Equal(["d", "b", "a", "c"], SearchRanking.ExactNamesFirst(ranked, "lyon", 10).Select(n => n.Id));
        Assert.Equal(["c", "a", "b", "d"], SearchRanking.ExactNamesFirst(ranked, "Commune de Lyon!", 10).Select(n => n.Id));
        Assert.Equal(["d", "b"], SearchRanking.ExactNamesFirst(ranked, "lyon", 2).Select(n => n.Id));
    }

    [Theory]
    [InlineData("Département du Rhône", "departement du rhone")]
    [InlineData("  Œuvre -- Saint-Étienne (69) ", "oeuvre saint etienne 69")]
    [InlineData("Straße", "strasse")]
    [InlineData("l'Ain", "l ain")]
    [InlineData("--", "")]
    public void Folded_IsLowerCaseWithoutAccents_WordsSeparatedByOneSpace(string text, string folded) =>
        Assert.Equal(folded, SearchRanking.Folded(text));

    private static string Name(Random random) =>
        string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    // The rule as written before it was made to compare without folding whole names.
    private static IEnumerable<Node> Reference(IReadOnlyList<Node> ranked, string text, int first)
    {
        var typed = SearchRanking.Folded(text);
        if (typed.Length == 0)
        {
            return ranked.Take(first);
        }
        return ranked
            .Select((node, index) => (node, index, folded: SearchRanking.Folded(node.Name)))
            .OrderBy(n => n.folded == typed ? 0 : n.folded.StartsWith(typed, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(n => n.index)
            .Take(first)
            .Select(n => n.node);
    }
}
