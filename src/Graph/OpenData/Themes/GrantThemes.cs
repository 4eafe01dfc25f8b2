using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.OpenData.Themes;

/// <summary>
/// What a grant's texts say it is for, applied to the graph: the FUNDS link takes the domain of its best theme, and a
/// beneficiary that is not a public body WORKS_ON each theme found (so that an association funded for culture and for
/// social work bridges the two domains). The themes are nodes of their own, written once a run from the rules.
/// </summary>
internal static class GrantThemes
{
    /// <summary>
    /// Classifies a grant from the first of its texts that holds a theme (its purpose, then what the file says next),
    /// counting under "purpose:" how it was classified; sets the link's domain and yields the theme nodes and WORKS_ON
    /// links it implies.
    /// </summary>
    public static IEnumerable<ImportItem> Apply(ImportItem funds, string beneficiary, bool beneficiaryWorksOn, SourceRun run, params (string Kind, string? Text)[] texts)
    {
        var rules = ThemeRules.Default;
        foreach (var (kind, text) in texts)
        {
            var match = rules.Match(text);
            if (match.Best is not { } best)
            {
                continue;
            }
            run.Matches.Count($"purpose: classified by its {kind}");
            funds.With("domain", DomainName(best));
            foreach (var theme in match.Themes)
            {
                if (run.Context.FirstTime(theme.Id))
                {
                    yield return Items.Node("THEME", theme.Id, theme.Name, "opendata:purpose-themes").With("domain", DomainName(theme));
                }
                if (beneficiaryWorksOn && run.Context.FirstTime($"works-on\n{beneficiary}\n{theme.Id}"))
                {
                    yield return Items.Link("WORKS_ON", beneficiary, theme.Id, run.Provenance)
                        .With("note", $"Read from a grant's {kind}: {string.Join(", ", match.Entries)}");
                }
            }
            yield break;
        }
        run.Matches.Count("purpose: not classified (no word of the theme rules)");
    }

    private static string DomainName(ThemeRule theme) => ConstantCase.From(theme.Domain.ToString());
}
