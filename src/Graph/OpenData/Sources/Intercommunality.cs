using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>DGCL EPCI à fiscalité propre (siren, nom, nature_juridique…): an authority each, located in its seat's département.</summary>
internal sealed class Epci : OpenDataSource
{
    public override string Name => "epci";

    public override string Title => "DGCL intercommunalities, EPCI (epci_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["siren", "nom", "nature_juridique", "dep_siege_fichier", "population_municipale"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        // METRO and MET69 (Lyon) are metropolises; CC, CA and CU are communities of communes, agglomeration or urban.
        var level = row["nature_juridique"] is "METRO" or "MET69" ? "METROPOLIS" : "INTERCOMMUNALITY";
        yield return Items.Node("AUTHORITY", "siren:" + row["siren"], row["nom"]!, run.Provenance)
            .With("level", level).With("code", row["siren"]).With("population", row.Long("population_municipale"))
            .With("territoryCode", row["dep_siege_fichier"] is { } dep ? Insee.DepartementCode(dep) : null)
            .With("tags", new[] { row["nature_juridique"]! });
    }
}

/// <summary>DGCL EPCI membership (epci_siren, commune_insee): each commune's authority PART_OF its EPCI.</summary>
internal sealed class EpciMembers : OpenDataSource
{
    public override string Name => "epci-members";

    public override string Title => "DGCL member communes of each EPCI (epci_membres_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["epci_siren", "commune_insee"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        run.Matches.Count(run.Context.Communes.Contains(row["commune_insee"]!) ? "commune in the geography" : "commune not in the geography (other vintage)");
        if (LegalUnits.Siren(row["commune_siren"]) is { } siren)
        {
            // Funding and procurement files name communes by SIREN; a merged commune's SIREN does not spell its code.
            run.Context.CommuneOfSiren[siren] = row["commune_insee"]!;
        }
        yield return Items.Link("PART_OF", Insee.Authority(row["commune_insee"]!), "siren:" + row["epci_siren"], run.Provenance);
    }
}

/// <summary>
/// INSEE établissements publics territoriaux of the Grand Paris metropolis (ept_siren, ept_nom, commune_insee): each
/// EPT an intercommunal authority PART_OF the Métropole du Grand Paris, and its communes PART_OF it.
/// </summary>
internal sealed class GrandParisTerritories : OpenDataSource
{
    /// <summary>SIREN of the Métropole du Grand Paris in the DGCL list.</summary>
    private const string GrandParis = "siren:200054781";

    public override string Name => "ept";

    public override string Title => "Grand Paris territorial bodies, EPT (ept_grand_paris_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["ept_siren", "ept_nom", "commune_insee", "dep"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var ept = "siren:" + row["ept_siren"];
        if (run.Context.FirstTime(ept))
        {
            yield return Items.Node("AUTHORITY", ept, row["ept_nom"]!, run.Provenance)
                .With("level", "INTERCOMMUNALITY").With("code", row["ept_siren"]).With("territoryCode", Insee.DepartementCode(row["dep"]!))
                .With("tags", new[] { "EPT" });
            yield return Items.Link("PART_OF", ept, GrandParis, run.Provenance);
        }
        yield return Items.Link("PART_OF", Insee.Authority(row["commune_insee"]!), ept, run.Provenance);
    }
}
