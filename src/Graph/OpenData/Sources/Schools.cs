using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// Schools as ESTABLISHMENT actors <c>uai:UAI</c>, LOCATED_IN their commune. A public school is PART_OF the authority
/// that runs it by law: a lycée its région, a collège its département, an école its commune. A private school is run
/// by its own body, not by an authority: it is written without that link, and counted.
/// </summary>
internal static class Schools
{
    public static IEnumerable<ImportItem> Establishment(
        SourceRun run, string? uai, string? name, string category, bool isPublic, string? communeCode, string? departement, params string[] tags)
    {
        if (uai is not { Length: 8 } || name is null)
        {
            run.Skipped.Count("no UAI or no name");
            yield break;
        }
        var id = "uai:" + uai.ToUpperInvariant();
        if (!run.Context.FirstTime(id))
        {
            run.Skipped.Count("an establishment already read (another school year, another file)");
            yield break;
        }
        var node = Items.Node("ESTABLISHMENT", id, name, run.Provenance)
            .With("uai", uai.ToUpperInvariant()).With("category", category).With("public", isPublic)
            .With("territoryCode", LegalUnits.Locate(run, communeCode, null, null))
            .With("tags", tags);
        if (isPublic && Responsible(run, category, communeCode, departement) is { } authority)
        {
            run.Matches.Count("public: PART_OF the authority that runs it");
            node = node.With("authorityId", authority);
        }
        else
        {
            run.Matches.Count(isPublic ? "public, but its authority is not in the geography" : "private: run by its own body");
        }
        yield return node;
    }

    private static string? Responsible(SourceRun run, string category, string? commune, string? departement)
    {
        var geography = run.Context.Communes;
        return category switch
        {
            "LYCEE" or "VOCATIONAL_LYCEE" or "MULTI_PURPOSE_LYCEE" when departement is not null && geography.RegionOf(departement) is { } region
                => Insee.Authority(Insee.RegionCode(region)),
            "COLLEGE" when departement is not null && geography.HasDepartement(departement) => Insee.Authority(Insee.DepartementCode(departement)),
            "PRIMARY_SCHOOL" when geography.ByCode(commune, out _) is { } code => Insee.Authority(code),
            _ => null,
        };
    }

    /// <summary>A département code as INSEE writes it, from the education files' three characters ("007" → "07", "02A" → "2A", "974").</summary>
    public static string? Departement(string? code) => code switch
    {
        null => null,
        ['0', _, _] => code[1..],
        _ => code,
    };
}

/// <summary>
/// The social position index of lycées (Opendatasoft records: uai, nom_de_l_etablissement, secteur, type_de_lycee,
/// code_insee_de_la_commune, code_du_departement), one record per lycée and school year: the Région's lycées.
/// </summary>
internal sealed class Lycees : OpenDataSource
{
    public override string Name => "lycees-ips";

    public override string Title => "Lycées with their social position index, MENJ (ips_lycees_*.json)";

    public override IReadOnlyCollection<string> RequiredColumns => ["uai", "nom_de_l_etablissement", "type_de_lycee", "secteur", "code_insee_de_la_commune"];

    public override string? VintageOf(string fileName) => FrenchValues.LastYearOf(fileName);

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var category = row["type_de_lycee"] switch
        {
            "LP" => "VOCATIONAL_LYCEE",
            "LPO" => "MULTI_PURPOSE_LYCEE",
            _ => "LYCEE",
        };
        return Schools.Establishment(
            run, row["uai"], row["nom_de_l_etablissement"], category, row["secteur"]?.StartsWith("public", StringComparison.OrdinalIgnoreCase) == true,
            row["code_insee_de_la_commune"], Schools.Departement(row["code_du_departement"]), "lycée", row["type_de_lycee"] ?? "LEGT");
    }
}

/// <summary>The MENJ list of establishments with their address, here its collèges (numero_uai, appellation_officielle, secteur_public_prive_libe, code_commune, code_departement).</summary>
internal sealed class Colleges : OpenDataSource
{
    public override string Name => "colleges";

    public override string Title => "Collèges with their address, MENJ (colleges_adresse_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["numero_uai", "appellation_officielle", "secteur_public_prive_libe", "code_commune", "nature_uai"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run) =>
        Schools.Establishment(
            run, row["numero_uai"], row["appellation_officielle"], "COLLEGE", row["secteur_public_prive_libe"] == "Public",
            row["code_commune"], Schools.Departement(row["code_departement"]), "collège");
}

/// <summary>
/// The MENJ directory of education (Identifiant_de_l_etablissement, Nom_etablissement, Type_etablissement,
/// Statut_public_prive, Code_commune, libelle_nature): écoles, collèges and lycées; its other entries (administrative
/// services, medico-social, guidance centres) are not schools and are left out, counted.
/// </summary>
internal sealed class EducationDirectory : OpenDataSource
{
    public override string Name => "annuaire-education";

    public override string Title => "Directory of education, MENJ (annuaire_education_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Statut_public_prive", "Code_commune"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var nature = row["libelle_nature"] ?? "";
        var category = row["Type_etablissement"] switch
        {
            "Ecole" => "PRIMARY_SCHOOL",
            "Collège" => "COLLEGE",
            "Lycée" when nature.Contains("PROFESSIONNEL", StringComparison.Ordinal) => "VOCATIONAL_LYCEE",
            "Lycée" when nature.Contains("POLYVALENT", StringComparison.Ordinal) => "MULTI_PURPOSE_LYCEE",
            "Lycée" => "LYCEE",
            _ => null,
        };
        if (category is null)
        {
            run.Skipped.Count($"not a school ({row["Type_etablissement"] ?? "no type"})");
            return [];
        }
        return Schools.Establishment(
            run, row["Identifiant_de_l_etablissement"], row["Nom_etablissement"], category, row["Statut_public_prive"] == "Public",
            row["Code_commune"], Schools.Departement(row["Code_departement"]), row["Type_etablissement"]!);
    }
}
