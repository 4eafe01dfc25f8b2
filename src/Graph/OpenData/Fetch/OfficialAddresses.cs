namespace CoopGraph.Graph.OpenData.Fetch;

/// <summary>
/// Where each connector's file is published. Living datasets (the geography, the public contracts, a subsidies file,
/// the France services list) are followed through data.gouv.fr's API or a ministry portal's export endpoint, so that
/// a fetch brings the current edition; files their publisher has frozen (a programme that ended, a list of one year)
/// are pinned to the commit their publisher's repository holds them at, the one address that cannot drift.
/// </summary>
public static class OfficialAddresses
{
    private const string EsrExports = "https://data.enseignementsup-recherche.gouv.fr/api/explore/v2.1/catalog/datasets/";
    private const string EducationExports = "https://data.education.gouv.fr/api/explore/v2.1/catalog/datasets/";

    private static readonly DataGouvDataset Cog = new("code-officiel-geographique-cog", "");
    private static readonly DataGouvDataset EpciLists = new("liste-et-composition-des-epci-a-fiscalite-propre", @"epcicom\d{4}\.xlsx$");

    public static IReadOnlyList<OfficialAddress> All { get; } =
    [
        new("cog-regions", "INSEE", DataGouvDataset.PageOf(Cog.Slug), Cog with { Pick = @"v_region_\d{4}\.csv$" }),
        new("cog-departements", "INSEE", DataGouvDataset.PageOf(Cog.Slug), Cog with { Pick = @"v_departement_\d{4}\.csv$" }),
        new("cog-communes", "INSEE", DataGouvDataset.PageOf(Cog.Slug), Cog with { Pick = @"v_commune_\d{4}\.csv$" },
            Prepared: "the communes of the COG joined with INSEE's legal populations and their EPCI (code_insee, nom, dep, population_municipale…)"),
        new("epci", "DGCL", DataGouvDataset.PageOf(EpciLists.Slug), EpciLists,
            Prepared: "one row per EPCI taken from the workbook's sheet of the year (siren, nom, nature_juridique, dep_siege_fichier, population_municipale)"),
        new("epci-members", "DGCL", DataGouvDataset.PageOf(EpciLists.Slug), EpciLists,
            Prepared: "one row per member commune taken from the same sheet (epci_siren, commune_insee…)"),
        new("ept", "INSEE", new Uri("https://www.insee.fr/fr/information/2510634"),
            new PageOnly("INSEE publishes the territories of the Métropole du Grand Paris as a workbook on a page that changes each year"),
            Prepared: "the sheet Composition_communale as CSV (ept_siren, ept_nom, commune_insee, dep)"),

        Esr("esr-establishments", "fr-esr-principaux-etablissements-enseignement-superieur"),
        Esr("doctoral-schools", "fr-esr-ecoles_doctorales_annuaire",
            "one row per doctoral school with its support establishment (numero_ed, uai_support, etablissement_support, code_commune)"),
        Esr("rnsr", "fr-esr-structures-recherche-publiques-actives"),
        Esr("rnsr-tutelles", "fr-esr-structures-recherche-publiques-actives",
            "one row per research structure and supervisor, split from the structures file's supervisor lists"),
        Esr("doctoral-school-establishments", "fr-esr-ecoles_doctorales_annuaire",
            "one row per doctoral school and establishment, split from the directory's establishment lists"),
        Esr("doctoral-school-labs", "fr-esr-ecoles_doctorales_annuaire",
            "one row per doctoral school and laboratory, split from the directory's laboratory lists"),

        Pinned("siae", "ASP (through the inclusion platform)", "gip-inclusion/les-emplois", "5a9a6349eb569f4ded31470361628ac76dfc4632",
            "itou/siaes/management/commands/data/2019_07_liste_siae.csv"),
        Pinned("geiq", "GEIQ federation (through the inclusion platform)", "gip-inclusion/les-emplois", "5a9a6349eb569f4ded31470361628ac76dfc4632",
            "itou/siaes/management/commands/data/2019_11_21_export_bbd_geiq.csv"),
        Pinned("ess-sirene", "INSEE Sirene and ESS France, compiled", "augustindeche-bit/ess-numerique-database", "6f8679d6e304d0888b1ff74773f6bb2c4298a623",
            "data/processed/export/x_label_studio.csv"),
        Pinned("tiers-lieux", "France Tiers-Lieux census, compiled", "augustindeche-bit/ess-numerique-database", "6f8679d6e304d0888b1ff74773f6bb2c4298a623",
            "data/processed/candidates/03_tiers_lieux.csv"),
        Pinned("pvd", "ANCT", "anct-carto/pvd", "380bb751aa4c371b1eabc93256c11dd917dd8673", "data_init/pvd_carte-interactive_20200122.csv"),

        BetaGouv("betagouv-organisations", "the YAML front matter of content/_organisations/*.md as CSV (id, nom, type…)"),
        BetaGouv("betagouv-incubators", "the YAML front matter of content/_incubators/*.md as CSV (id, nom, organisation_porteuse…)"),
        BetaGouv("betagouv-startups", "the YAML front matter of content/_startups/*.md as CSV (id, nom, incubateur…)"),
        BetaGouv("betagouv-sponsors", "one row per start-up and sponsoring administration (startup_id, organisation_id)"),
        Pinned("ipsx", "European Commission, JRC", "ipsoeu/ips-explorer", "9394d7a9feb21e66e9ad8bb2343f15acbb72a54e", "data/services.csv"),

        Education("lycees-ips", "fr-en-ips-lycees-ap2022", "json"),
        Education("colleges", "fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre", "csv"),
        Education("annuaire-education", "fr-en-annuaire-education", "csv"),

        // One subsidies format, many publishers: the address is one authority's dataset, --dataset names another's.
        DataGouv("scdl-subsidies", "Département de Loire-Atlantique", "subventions-aux-associations-du-departement-de-loire-atlantique", @"\.csv$"),
        Pinned("state-associations", "Services du Premier ministre (budget annex, 2010 grants)", "etalab/hackathon_associations",
            "47c158203461a13150a8878c5d5a1bda635e33d9", "3_jaunes_budgetaires/Jaunes/plf-2012-jaune-associations-subventionne-es-en-2010.csv"),
        DataGouv("decp", "Ministère de l'Économie (DAJ)", "donnees-essentielles-de-la-commande-publique-fichiers-consolides", @"decp[^/]*\.json$"),
        Pinned("conseillers-numeriques", "ANCT", "anct-carto/conseillers-numeriques", "cb9709939e229e7fe363012e9a034e176a427954", "data/cnfs.json"),
        DataGouv("france-services", "ANCT", "liste-des-structures-france-services", @"\.csv$"),
        Pinned("dotations-investissement", "DGCL, processed by the ANCT", "anct-carto/dotations_investissement_2019",
            "c11aeec442ac909b21f7d0b2f6ee67bcc5547ca2", "data/projets_dotations_investissement_2019.xlsx"),
    ];

    public static OfficialAddress? Of(string source) =>
        All.FirstOrDefault(a => a.Source.Equals(source, StringComparison.OrdinalIgnoreCase));

    private static OfficialAddress DataGouv(string source, string publisher, string slug, string pick) =>
        new(source, publisher, DataGouvDataset.PageOf(slug), new DataGouvDataset(slug, pick));

    private static OfficialAddress Esr(string source, string dataset, string? prepared = null) =>
        new(source, "Ministère de l'Enseignement supérieur et de la Recherche",
            new Uri($"https://data.enseignementsup-recherche.gouv.fr/explore/dataset/{dataset}/"),
            new FileAddress(new Uri($"{EsrExports}{dataset}/exports/csv?delimiter=%3B"), $"{dataset}.csv"), prepared);

    private static OfficialAddress Education(string source, string dataset, string format) =>
        new(source, "Ministère de l'Éducation nationale", new Uri($"https://data.education.gouv.fr/explore/dataset/{dataset}/"),
            new FileAddress(new Uri($"{EducationExports}{dataset}/exports/{format}"), $"{dataset}.{format}"));

    /// <summary>A file frozen by its publisher, at the commit of the publisher's repository that holds it.</summary>
    private static OfficialAddress Pinned(string source, string publisher, string repository, string commit, string path) =>
        new(source, publisher, new Uri($"https://github.com/{repository}/blob/{commit}/{path}"),
            new FileAddress(new Uri($"https://raw.githubusercontent.com/{repository}/{commit}/{path}"), Path.GetFileName(path)));

    private static OfficialAddress BetaGouv(string source, string prepared) =>
        new(source, "beta.gouv.fr", new Uri("https://github.com/betagouv/beta.gouv.fr/tree/master/content"),
            new PageOnly("beta.gouv.fr publishes its organisations, incubators and start-ups as one Markdown file each"), prepared);
}
