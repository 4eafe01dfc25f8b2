using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// MESR main higher-education establishments (uai, libelle, type_etablissement, code_commune…): a University node
/// <c>uai:UAI</c>, located in its commune; Paris, Lyon and Marseille arrondissement codes are taken to their commune.
/// </summary>
internal sealed class Establishments : OpenDataSource
{
    public override string Name => "esr-establishments";

    public override string Title => "MESR higher-education establishments (etablissements_esr_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["uai", "libelle", "type_etablissement", "code_commune"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        // A few rows carry no UAI (then the MESR's own id names them) and some nothing but a type.
        var id = row["uai"] is { } uai ? "uai:" + uai : row["id_dataesr"] is { } dataesr ? "dataesr:" + dataesr : null;
        if (id is null || row["libelle"] is null)
        {
            run.Skipped.Count("no identifier or no name");
            yield break;
        }
        // Marked as written, so that the doctoral-school file does not name it again from its own columns.
        run.Context.FirstTime(id);
        var commune = run.Context.Communes.ByCode(row["code_commune"], out var fromArrondissement);
        run.Matches.Count(commune is null ? "not located (abroad or unknown code)" : fromArrondissement ? "located from an arrondissement code" : "located by commune code");
        var kind = row["type_etablissement"]!.Contains("Université", StringComparison.OrdinalIgnoreCase) ? "UNIVERSITY" : "SCHOOL";
        yield return Items.Node("UNIVERSITY", id, row["libelle"]!, run.Provenance)
            .With("universityKind", kind).With("territoryCode", commune)
            .With("tags", new[] { row["type_etablissement"]! });
    }
}

/// <summary>
/// RNSR active research structures (numero_national_de_structure, libelle, code_postal, commune,
/// numero_de_structure_parent…): a University node of kind RESEARCH_LAB <c>rnsr:NUMBER</c>, located by postcode and
/// commune name (the file has no INSEE code), MEMBER_OF its parent structures once the whole file is read.
/// </summary>
internal sealed class ResearchStructures : OpenDataSource
{
    public override string Name => "rnsr";

    public override string Title => "RNSR research structures (rnsr_structures_recherche_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns =>
        ["numero_national_de_structure", "libelle", "code_postal", "commune", "numero_de_structure_parent"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var lab = "rnsr:" + row["numero_national_de_structure"];
        var state = run.State<Hierarchy>();
        state.Labs.Add(lab);
        var commune = run.Context.Communes.ByPostcodeAndName(row["code_postal"], row["commune"]);
        run.Matches.Count(commune is null ? "not located (postcode and name match no single commune)" : "located by postcode and name");
        foreach (var parent in Split(row["numero_de_structure_parent"]))
        {
            state.Parents.Add((row.Row, lab, "rnsr:" + parent));
        }
        yield return Items.Node("UNIVERSITY", lab, row["libelle"]!, run.Provenance)
            .With("universityKind", "RESEARCH_LAB").With("territoryCode", commune)
            .With("tags", row["type_de_structure"] is { } type ? new[] { type } : null);
    }

    public override IEnumerable<(long Row, ImportItem Item)> Finish(SourceRun run)
    {
        var state = run.State<Hierarchy>();
        foreach (var (row, lab, parent) in state.Parents)
        {
            if (!state.Labs.Contains(parent))
            {
                run.Skipped.Count("parent structure not active in this file");
                continue;
            }
            yield return (row, Items.Link("MEMBER_OF", lab, parent, run.Provenance));
        }
    }

    private sealed class Hierarchy
    {
        public List<(long Row, string Lab, string Parent)> Parents { get; } = [];

        public HashSet<string> Labs { get; } = new(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Split(string? list) =>
        list?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>RNSR supervising institutions (numero_national_de_structure, uai_tutelle, type_lien): lab MEMBER_OF each establishment known by UAI.</summary>
internal sealed class ResearchSupervisors : OpenDataSource
{
    public override string Name => "rnsr-tutelles";

    public override string Title => "RNSR supervising institutions of each structure (rnsr_tutelles_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["numero_national_de_structure", "uai_tutelle", "type_lien"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (row["uai_tutelle"] is not { } uai)
        {
            run.Skipped.Count("institution without UAI (EPST, EPIC, hospital…)");
            yield break;
        }
        yield return Items.Link("MEMBER_OF", "rnsr:" + row["numero_national_de_structure"], "uai:" + uai, run.Provenance)
            .With("note", row["type_lien"] == "TUTE" ? "tutelle" : "participant");
    }
}

/// <summary>
/// MESR doctoral schools (numero_ed, uai_support, etablissement_support, code_commune). A doctoral school is a network,
/// not an actor: it tells the two edge files below which establishment supports each school. A support establishment
/// that the establishments file of the run did not name (often a COMUE) is written from this file's columns, so that
/// the network has its hub.
/// </summary>
internal sealed class DoctoralSchools : OpenDataSource
{
    public override string Name => "doctoral-schools";

    public override string Title => "MESR doctoral schools (ecoles_doctorales_*.csv; read with the two edge files)";

    public override IReadOnlyCollection<string> RequiredColumns => ["numero_ed", "uai_support", "etablissement_support", "code_commune"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (row["uai_support"] is not { } support)
        {
            run.Skipped.Count("no support establishment");
            yield break;
        }
        run.Context.DoctoralSupport[row["numero_ed"]!] = support;
        if (!run.Context.FirstTime("uai:" + support))
        {
            run.Matches.Count("support establishment already in the run");
            yield break;
        }
        run.Matches.Count("support establishment written from this file");
        var name = row["etablissement_support"] ?? support;
        yield return Items.Node("UNIVERSITY", "uai:" + support, name, run.Provenance)
            .With("universityKind", name.Contains("Universit", StringComparison.OrdinalIgnoreCase) ? "UNIVERSITY" : "SCHOOL")
            .With("territoryCode", run.Context.Communes.ByCode(row["code_commune"], out _));
    }
}

/// <summary>
/// Doctoral school → establishment edges (numero_ed, uai, role): each co-accredited or associated establishment
/// COOPERATES_WITH the school's support establishment, of kind NETWORK, noted with the school's number.
/// </summary>
internal sealed class DoctoralSchoolEstablishments : OpenDataSource
{
    public override string Name => "doctoral-school-establishments";

    public override string Title => "Establishments of each doctoral school (ecoles_doctorales_etablissements_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["numero_ed", "uai", "role"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (row["role"] == "support")
        {
            run.Skipped.Count("the support establishment itself");
            yield break;
        }
        if (DoctoralNetwork.Link(run, row["numero_ed"]!, "uai:" + row["uai"]) is { } link)
        {
            yield return link;
        }
    }
}

/// <summary>Doctoral school → research lab edges (numero_ed, rnsr_laboratoire): each lab COOPERATES_WITH the school's support establishment (NETWORK).</summary>
internal sealed class DoctoralSchoolLabs : OpenDataSource
{
    public override string Name => "doctoral-school-labs";

    public override string Title => "Research labs of each doctoral school (ecoles_doctorales_laboratoires_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["numero_ed", "rnsr_laboratoire"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (row["rnsr_laboratoire"] is { } lab && DoctoralNetwork.Link(run, row["numero_ed"]!, "rnsr:" + lab) is { } link)
        {
            yield return link;
        }
    }
}

internal static class DoctoralNetwork
{
    /// <summary>The NETWORK link of a member to its school's support establishment, once per pair in the run.</summary>
    public static ImportItem? Link(SourceRun run, string school, string member)
    {
        if (!run.Context.DoctoralSupport.TryGetValue(school, out var support))
        {
            run.Skipped.Count("doctoral school not read in this run (import ecoles_doctorales first)");
            return null;
        }
        var supportId = "uai:" + support;
        var pair = string.CompareOrdinal(member, supportId) < 0 ? $"coop|{member}|{supportId}" : $"coop|{supportId}|{member}";
        if (member == supportId || !run.Context.FirstTime(pair))
        {
            run.Skipped.Count("pair already linked (several schools in common)");
            return null;
        }
        return Items.Link("COOPERATES_WITH", member, supportId, run.Provenance).With("kind", "NETWORK").With("note", "École doctorale " + school);
    }
}
