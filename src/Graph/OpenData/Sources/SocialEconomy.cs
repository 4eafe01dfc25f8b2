using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>SSE organisations are legal units: <c>siren:SIREN</c> (the first nine digits of a SIRET).</summary>
internal static class LegalUnits
{
    public static string? Siren(string? siretOrSiren) =>
        siretOrSiren is { Length: >= 9 } text && text[..9].All(char.IsAsciiDigit) ? text[..9] : null;

    /// <summary>The model's legal form from a legal category's label (as the SIAE list writes it).</summary>
    public static string FormOfLabel(string label) => label switch
    {
        _ when label.Contains("Association", StringComparison.OrdinalIgnoreCase) => "ASSOCIATION",
        _ when label.Contains("coopérati", StringComparison.OrdinalIgnoreCase) || label.Contains("SCOP", StringComparison.Ordinal) => "COOPERATIVE",
        _ when label.Contains("Mutuelle", StringComparison.OrdinalIgnoreCase) => "MUTUAL",
        _ when label.Contains("Fondation", StringComparison.OrdinalIgnoreCase) => "FOUNDATION",
        // Insertion enterprises that are companies (SARL, SAS, SA) pursue a social aim by their approval.
        _ => "SOCIAL_ENTERPRISE",
    };

    /// <summary>The model's legal form from an INSEE legal category code (catégorie juridique, 4 digits).</summary>
    public static string FormOfCategory(string? code) => code switch
    {
        ['9', '2', _, _] or ['9', '1', _, _] => "ASSOCIATION",
        ['9', '3', _, _] => "FOUNDATION",
        ['8', '2', _, _] or ['8', '3', _, _] or ['8', '4', _, _] => "MUTUAL",
        "5458" or "5460" or "5558" or "5560" or "5658" or "5660" or "5459" or "5559" or "6317" or "6316" => "COOPERATIVE",
        ['5', _, _, _] => "SOCIAL_ENTERPRISE",
        _ => "OTHER",
    };

    /// <summary>Public bodies (communes, intercommunalities, CCAS, public establishments, mixed-economy companies) that run insertion sites.</summary>
    public static bool IsPublicBody(string label) => PublicBodyWords.Any(word => label.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] PublicBodyWords =
    [
        "Commune", "Communauté", "Centre communal", "Centre Intercommunal", "Établissement public", "Syndicat", "Département",
        "Régie", "Pôle d'équilibre", "gestion publique", "économie mixte",
    ];

    /// <summary>Locates by commune code when there is one, else by postcode and name; counts how.</summary>
    public static string? Locate(SourceRun run, string? communeCode, string? postcode, string? name)
    {
        if (run.Context.Communes.ByCode(communeCode, out var fromArrondissement) is { } byCode)
        {
            run.Matches.Count(fromArrondissement ? "located from an arrondissement code" : "located by commune code");
            return byCode;
        }
        if (run.Context.Communes.ByPostcodeAndName(postcode, name) is { } byName)
        {
            run.Matches.Count("located by postcode and name");
            return byName;
        }
        run.Matches.Count(postcode is null && name is null && communeCode is null ? "no location in the file" : "not located");
        return null;
    }

    /// <summary>
    /// The SSE_ACTOR node <c>siren:SIREN</c> of a legal unit, the first time the run meets it; null (and counted) when
    /// the row has no valid number or names a unit already read (several establishments of one legal unit).
    /// </summary>
    public static ImportItem? Actor(SourceRun run, string? siretOrSiren, string name, string legalForm)
    {
        if (Siren(siretOrSiren) is not { } siren)
        {
            run.Skipped.Count("no valid SIREN or SIRET");
            return null;
        }
        var id = "siren:" + siren;
        if (!run.Context.FirstTime(id))
        {
            run.Skipped.Count("another establishment of a legal unit already read");
            return null;
        }
        return Items.Node("SSE_ACTOR", id, name, run.Provenance).With("legalForm", legalForm).With("siren", siren);
    }
}

/// <summary>ASP/DGEFP list of insertion structures, SIAE (MESURE, SIRET, DENOMINATION_SOCIALE, NATURE_JURIDIQUE, CODE_POSTAL, COMMUNE).</summary>
internal sealed class InsertionStructures : OpenDataSource
{
    public override string Name => "siae";

    public override string Title => "Insertion structures, SIAE (siae_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["MESURE", "SIRET", "DENOMINATION_SOCIALE", "NATURE_JURIDIQUE", "CODE_POSTAL", "COMMUNE"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var label = row["NATURE_JURIDIQUE"] ?? "";
        if (LegalUnits.IsPublicBody(label))
        {
            run.Skipped.Count("run by a public body, not an SSE organisation");
            yield break;
        }
        if (LegalUnits.Actor(run, row["SIRET"], row["DENOMINATION_SOCIALE"]!, LegalUnits.FormOfLabel(label)) is { } actor)
        {
            yield return actor
                .With("territoryCode", LegalUnits.Locate(run, null, row["CODE_POSTAL"], row["COMMUNE"]))
                .With("tags", new[] { "SIAE", row["MESURE"]! });
        }
    }
}

/// <summary>GEIQ network list (GEIQ, SIRET, VILLE, CODE_POSTAL): employers' groups for insertion and qualification, associations.</summary>
internal sealed class Geiq : OpenDataSource
{
    public override string Name => "geiq";

    public override string Title => "Employers' groups for insertion, GEIQ (geiq_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["GEIQ", "SIRET", "VILLE", "CODE_POSTAL"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (LegalUnits.Actor(run, row["SIRET"], row["GEIQ"]!, "ASSOCIATION") is { } actor)
        {
            yield return actor
                .With("territoryCode", LegalUnits.Locate(run, null, row["CODE_POSTAL"], row["VILLE"]))
                .With("tags", new[] { "GEIQ" });
        }
    }
}

/// <summary>Sirene-based list of SSE legal units (siren, denomination, categorie_juridique, famille_ess, code_postal, commune).</summary>
internal sealed class SireneSse : OpenDataSource
{
    public override string Name => "ess-sirene";

    public override string Title => "SSE legal units from Sirene (ess_*_sirene_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["siren", "denomination", "categorie_juridique"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var form = row["famille_ess"] switch
        {
            "association" => "ASSOCIATION",
            "cooperative" => "COOPERATIVE",
            "fondation" => "FOUNDATION",
            "mutuelle" => "MUTUAL",
            _ => LegalUnits.FormOfCategory(row["categorie_juridique"]),
        };
        if (LegalUnits.Actor(run, row["siren"], row["denomination"]!, form) is { } actor)
        {
            yield return actor
                .With("territoryCode", LegalUnits.Locate(run, null, row["code_postal"], row["commune"]))
                .With("tags", row["tags_numerique"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}

/// <summary>
/// Tiers-lieux census sample (id_source, nom, commune_insee, siren_porteuse): each third place an SSE actor
/// <c>tiers-lieu:ID</c> (legal form OTHER: the place itself has none), MEMBER_OF its carrying legal unit when that is known.
/// </summary>
internal sealed class ThirdPlaces : OpenDataSource
{
    public override string Name => "tiers-lieux";

    public override string Title => "Tiers-lieux census (tiers_lieux_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["id_source", "nom", "commune_insee"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (row["id_source"] is null || row["nom"] is null)
        {
            run.Skipped.Count("no identifier or no name");
            yield break;
        }
        var id = "tiers-lieu:" + row["id_source"];
        yield return Items.Node("SSE_ACTOR", id, row["nom"]!, run.Provenance)
            .With("legalForm", "OTHER")
            .With("territoryCode", LegalUnits.Locate(run, row["commune_insee"], row["code_postal"], row["ville"]))
            .With("tags", new[] { "tiers-lieu" });
        if (LegalUnits.Siren(row["siren_porteuse"]) is { } carrier)
        {
            yield return Items.Link("MEMBER_OF", id, "siren:" + carrier, run.Provenance).With("note", "structure porteuse");
        }
    }
}
