using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// Ids and codes of the official geography. Territory codes are unique across levels, so regions and départements
/// carry a prefix (R84, D69, as the MESR files write them) and communes their bare INSEE code (69123). A territory is
/// <c>insee:CODE</c>; the authority that governs it is <c>insee:authority:CODE</c>, located in it.
/// </summary>
internal static class Insee
{
    public const string France = "insee:FR";

    public static string RegionCode(string reg) => "R" + reg;

    public static string DepartementCode(string dep) => "D" + dep;

    public static string Territory(string code) => "insee:" + code;

    public static string Authority(string code) => "insee:authority:" + code;

    public static IEnumerable<ImportItem> TerritoryAndAuthority(
        string code, string territoryName, string level, string? parentCode, string authorityName, string authorityLevel, long? population, string source)
    {
        yield return Items.Node("TERRITORY", Territory(code), territoryName, source)
            .With("code", code).With("level", level).With("parentId", parentCode is null ? France : Territory(parentCode));
        yield return Items.Node("AUTHORITY", Authority(code), authorityName, source)
            .With("level", authorityLevel).With("code", code).With("population", population).With("territoryCode", code);
    }
}

/// <summary>INSEE Code officiel géographique, regions (REG, LIBELLE…): France, then each region and its council.</summary>
internal sealed class CogRegions : OpenDataSource
{
    public override string Name => "cog-regions";

    public override string Title => "INSEE COG regions (regions.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["REG", "LIBELLE"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (run.Context.FirstTime(Insee.France))
        {
            yield return Items.Node("TERRITORY", Insee.France, "France", run.Provenance).With("code", "FR").With("level", "COUNTRY");
        }
        var code = Insee.RegionCode(row["REG"]!);
        foreach (var item in Insee.TerritoryAndAuthority(code, row["LIBELLE"]!, "REGION", null, "Région " + row["LIBELLE"], "REGION", null, run.Provenance))
        {
            yield return item;
        }
    }
}

/// <summary>
/// INSEE COG départements (DEP, REG, LIBELLE, and TNCC for the article the name takes): each within its region, with
/// its departmental council, named as French writes it ("Département du Rhône").
/// </summary>
internal sealed class CogDepartements : OpenDataSource
{
    public override string Name => "cog-departements";

    public override string Title => "INSEE COG départements (departements.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["DEP", "REG", "LIBELLE"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        run.Context.Communes.AddDepartement(row["DEP"]!, row["REG"]!);
        return Insee.TerritoryAndAuthority(
            Insee.DepartementCode(row["DEP"]!), row["LIBELLE"]!, "DEPARTEMENT", Insee.RegionCode(row["REG"]!),
            FrenchNames.WithTncc("Département", row["TNCC"], row["LIBELLE"]!), "DEPARTEMENT", null, run.Provenance);
    }
}

/// <summary>INSEE COG communes with their legal population (code_insee, nom, dep, population_municipale…).</summary>
internal sealed class CogCommunes : OpenDataSource
{
    public override string Name => "cog-communes";

    public override string Title => "INSEE COG communes with populations (communes_cog*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["code_insee", "nom", "dep", "population_municipale"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var code = row["code_insee"]!;
        // Later files of the same run locate their rows among these communes.
        run.Context.Communes.Add(code, row["nom"]!);
        return Insee.TerritoryAndAuthority(
            code, row["nom"]!, "COMMUNE", Insee.DepartementCode(row["dep"]!), FrenchNames.Of("Commune", row["nom"]!), "COMMUNE", row.Long("population_municipale"), run.Provenance);
    }
}
