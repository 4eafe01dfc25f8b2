using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData.Themes;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// The State's annex to the finance bill listing its grants to associations, one year (SIREN, ASSOCIATION,
/// IMPUTATION, Total des subventions, Détail des subventions). The State is an authority (level STATE) and each
/// ministry one of its services, in the domain its name says; every detail row is a FUNDS link from the ministry to
/// the association, with the budget programme in its note. A row without an imputation is the association's total of
/// the detail rows that follow: left out on purpose and counted, so that no euro is counted twice.
/// </summary>
internal sealed class StateAssociations : OpenDataSource
{
    public const string State = "state:france";

    public override string Name => "state-associations";

    public override string Title => "The State's grants to associations, finance-bill annex (jaune associations)";

    public override bool JoinsByNumber => true;

    public override IReadOnlyCollection<string> RequiredColumns => ["SIREN", "ASSOCIATION", "IMPUTATION", "Détail des subventions"];

    /// <summary>The annex to the 2012 bill lists the grants of 2010: the year the file name ends with.</summary>
    public override string? VintageOf(string fileName) => FrenchValues.LastYearOf(fileName);

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (row["IMPUTATION"] is not { } imputation)
        {
            run.Skipped.Count("an association's total of the detail rows that follow");
            yield break;
        }
        var amountText = row["Détail des subventions"];
        if (FrenchValues.Amount(amountText) is not { } amount)
        {
            run.Refuse(row.Row, $"amount '{amountText}' is not a number");
            yield break;
        }
        if (FrenchValues.Siren(row["SIREN"]) is not { } siren)
        {
            run.Refuse(row.Row, $"'{row["SIREN"]}' is not a SIREN");
            yield break;
        }
        var year = run.VintageYear;
        var separator = imputation.IndexOf(':', StringComparison.Ordinal);
        var ministry = (separator > 0 ? imputation[..separator] : imputation).Trim();
        var programme = separator > 0 ? imputation[(separator + 1)..].Trim() : null;
        if (run.Context.FirstTime(State))
        {
            yield return Items.Node("AUTHORITY", State, "État", run.Provenance).With("level", "STATE").With("code", "FR");
        }
        var service = "state:ministry:" + FrenchValues.Fold(ministry);
        if (run.Context.FirstTime(service))
        {
            yield return Items.Node("SERVICE", service, "Ministère : " + ministry, run.Provenance)
                .With("domain", Ministries.DomainOf(ministry)).With("authorityId", State);
        }
        var (beneficiary, newNode) = NumberedActors.Resolve(siren, AssociationName(row["ASSOCIATION"]!), fileSaysAssociation: true, "beneficiary", run);
        if (newNode is not null)
        {
            yield return newNode;
        }
        var rank = run.State<Occurrences>().Next(siren + "\n" + imputation + "\n" + amountText);
        var purpose = programme is null ? null : "Programme " + programme;
        var link = Items.Link("FUNDS", service, beneficiary, run.Provenance)
            .With("id", LinkKeys.Id("grant:state:", siren, imputation, amountText, rank))
            .With("instrument", "SUBSIDY").With("amount", amount).With("year", year is { } y ? (long)y : null)
            .With("note", purpose);
        foreach (var item in GrantThemes.Apply(link, beneficiary, !PublicBodies.IsPublic(siren), run, ("programme", purpose), ("beneficiary's name", row["ASSOCIATION"])))
        {
            yield return item;
        }
        yield return link;
    }

    /// <summary>"1 2 3 SOLEIL LUDOTHEQUE - 06 MOUANS SARTOUX": the name before the département and the commune.</summary>
    private static string AssociationName(string text)
    {
        var dash = text.LastIndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 && text.Length >= dash + 5 && char.IsAsciiDigit(text[dash + 3]) ? text[..dash].Trim() : text.Trim();
    }
}

/// <summary>The policy domain of a ministry, from the words of its name (the first that applies, in this order).</summary>
internal static class Ministries
{
    private static readonly (string Word, string Domain)[] Words =
    [
        ("culture", "CULTURE"), ("sante", "HEALTH"), ("sport", "SPORT"), ("enseignementsuperieur", "RESEARCH"), ("recherche", "RESEARCH"),
        ("education", "EDUCATION"), ("travail", "EMPLOYMENT"), ("emploi", "EMPLOYMENT"), ("agriculture", "FOOD_AGRICULTURE"),
        ("alimentation", "FOOD_AGRICULTURE"), ("ecologie", "ENVIRONMENT"), ("developpementdurable", "ENVIRONMENT"),
        ("justice", "SECURITY"), ("defense", "SECURITY"), ("interieur", "SECURITY"), ("logement", "HOUSING"), ("solidarite", "SOCIAL"),
        ("cohesion", "SOCIAL"), ("immigration", "SOCIAL"), ("economie", "ECONOMY"), ("industrie", "ECONOMY"), ("transport", "TRANSPORT"),
        ("numerique", "DIGITAL"), ("jeunesse", "YOUTH"), ("tourisme", "TOURISM"),
    ];

    /// <summary>The domain, or GOVERNANCE for the ministries that run the State itself (Prime Minister, budget, foreign affairs).</summary>
    public static string DomainOf(string ministry)
    {
        var folded = FrenchValues.Fold(ministry);
        return Words.FirstOrDefault(w => folded.Contains(w.Word, StringComparison.Ordinal)).Domain ?? "GOVERNANCE";
    }
}
