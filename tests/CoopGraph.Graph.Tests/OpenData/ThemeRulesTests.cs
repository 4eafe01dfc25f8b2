using CoopGraph.Domain.Model;
using CoopGraph.Graph.OpenData.Themes;

namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>The keyword rules that read a grant's purpose, on small rule sets whose answers follow by hand.</summary>
public sealed class ThemeRulesTests
{
    private static readonly ThemeRules Rules = ThemeRules.Parse(
        """
        # a comment
        [sport] SPORT | Sport
        sport*, football, tennis de table

        [social] SOCIAL | Action sociale
        sociale, solidarit*
        [economie] ECONOMY | Économie
        economie sociale, entreprise*
        [table] FOOD_AGRICULTURE | Alimentation
        table
        """);

    [Theory]
    [InlineData("Club SPORTIF de Rezé", "theme:fr:sport")]
    [InlineData("Fonds de SOLIDARITÉ", "theme:fr:social")]
    [InlineData("Aide au football féminin", "theme:fr:sport")]
    [InlineData("Prêt d'entreprise", "theme:fr:economie")]
    public void AWord_IsFoundWhole_OrByItsBeginning_WithoutAccentsOrCase(string text, string theme) =>
        Assert.Equal(theme, Rules.Match(text).Best!.Id);

    [Fact]
    public void AnEntryOfSeveralWords_WeighsAsManyAsItsWords_SoTheMoreSpecificWins()
    {
        var match = Rules.Match("Développement de l'économie sociale");

        Assert.Equal(["theme:fr:economie", "theme:fr:social"], match.Themes.Select(t => t.Id));
        Assert.Equal(["sociale", "economie sociale"], match.Entries);
    }

    [Fact]
    public void OverlappingEntriesOfOneTheme_CountAWordOnce()
    {
        // "sport*" and "sportive" both find "sportive", yet the sport theme covers one word, as the social theme does:
        // a tie, which the theme listed first wins. Counted twice, sport would come first.
        var rules = ThemeRules.Parse("[social] SOCIAL | Social\nsociale\n[sport] SPORT | Sport\nsport*, sportive\n");

        Assert.Equal(["theme:fr:social", "theme:fr:sport"], rules.Match("Association sportive et sociale").Themes.Select(t => t.Id));
    }

    [Fact]
    public void WordsMustFollowEachOther_ForAnEntryOfSeveralWords()
    {
        Assert.Equal(["theme:fr:sport"], Rules.Match("Tennis de table").Themes.Select(t => t.Id).Take(1));
        // "table" alone is another theme's entry; "tennis" then "de" then "table" in a row is the sport's.
        Assert.Equal(["theme:fr:table"], Rules.Match("Une table de tennis").Themes.Select(t => t.Id));
    }

    [Fact]
    public void OnATie_TheThemeListedFirstWins()
    {
        var match = Rules.Match("Sport et solidarité");

        Assert.Equal(["theme:fr:sport", "theme:fr:social"], match.Themes.Select(t => t.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Fonctionnement 2017")]
    [InlineData("sportless")]
    public void ATextWithoutAnEntry_IsLeftUnclassified(string? text)
    {
        // "sportless" begins with "sport": a prefix finds it. Everything else here holds no entry.
        var match = Rules.Match(text);

        Assert.Equal(text == "sportless", match.Best is not null);
    }

    [Theory]
    [InlineData("sport*\n", "words before any [theme] line")]
    [InlineData("[x] NOWHERE | Name\nword\n", "'NOWHERE' is not a policy domain")]
    [InlineData("[x] SPORT Name\n", "a theme line is")]
    [InlineData("[x] SPORT | Name\nsp*\n", "is not an entry")]
    public void AMalformedRule_IsRefused_NamingItsLine(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ThemeRules.Parse(text));

        Assert.Contains(message, error.Message);
        Assert.Contains("line ", error.Message);
    }

    [Fact]
    public void TheShippedRules_ReadAndCoverEveryThemeTheyName()
    {
        var rules = ThemeRules.Default;

        Assert.Equal(rules.Themes.Count, rules.Themes.Select(t => t.Id).Distinct().Count());
        Assert.True(rules.Themes.Count >= 15);
        Assert.Equal(PolicyDomain.Culture, rules.Match("Programme 224 - Transmission des savoirs et démocratisation de la culture").Best!.Domain);
        Assert.Equal(PolicyDomain.Sport, rules.Match("US GUERANDE HANDBALL").Best!.Domain);
        Assert.Equal(PolicyDomain.Education, rules.Match("OGEC ST JOSEPH").Best!.Domain);
    }
}
