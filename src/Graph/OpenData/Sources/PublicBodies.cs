namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// Joins a public body named by its SIREN to the authority the geography already holds. Territorial authorities'
/// SIRENs follow INSEE's numbering: a commune's is 21, its département's two characters, one digit and its three-digit
/// number (Poitiers, 86194: 218601946); a département's is 22 and its code (Loire-Atlantique: 224400028); a région's
/// is 23 and the code of the département of its seat (Pays de la Loire, seat in 44: 234400034). Communes created by a
/// merger take a new SIREN (200…): the EPCI membership file gives those when the run reads it. Other SIRENs are
/// legal units: <c>siren:SIREN</c>, the id every connector gives them.
/// </summary>
internal static class PublicBodies
{
    /// <summary>The id of the actor a SIREN names, and how it was found (for the report).</summary>
    /// <summary>The régions formed by the 2016 mergers took new SIRENs, which no longer spell a département.</summary>
    private static readonly Dictionary<string, string> MergedRegions = new(StringComparer.Ordinal)
    {
        ["200053767"] = "84", // Auvergne-Rhône-Alpes
        ["200053726"] = "27", // Bourgogne-Franche-Comté
        ["200052264"] = "44", // Grand Est
        ["200053742"] = "32", // Hauts-de-France
        ["200053403"] = "28", // Normandie
        ["200053759"] = "75", // Nouvelle-Aquitaine
        ["200053791"] = "76", // Occitanie
    };

    /// <summary>The id of the actor a SIREN names, how it was found (for the report), and whether the graph holds it.</summary>
    public static (string Id, string How, bool Known) Resolve(string siren, SourceRun run)
    {
        var geography = run.Context.Communes;
        if (MergedRegions.TryGetValue(siren, out var mergedRegion) && geography.HasRegion(mergedRegion))
        {
            return (Insee.Authority(Insee.RegionCode(mergedRegion)), "région by SIREN", true);
        }
        if (run.Context.CommuneOfSiren.TryGetValue(siren, out var merged) && geography.Contains(merged))
        {
            return (Insee.Authority(merged), "commune by SIREN", true);
        }
        switch (siren)
        {
            case ['2', '1', var d1, var d2, _, var c1, var c2, var c3, _]:
                var commune = $"{d1}{d2}{c1}{c2}{c3}";
                var code = commune.StartsWith("20", StringComparison.Ordinal)
                    ? new[] { "2A" + commune[2..], "2B" + commune[2..] }.FirstOrDefault(geography.Contains)
                    : geography.Contains(commune) ? commune : null;
                if (code is not null)
                {
                    return (Insee.Authority(code), "commune by SIREN", true);
                }
                break;
            case ['2', '2', var d1, var d2, var d3, _, _, _, _]:
                var departement = d1 == '9' && d2 == '7' ? $"{d1}{d2}{d3}" : $"{d1}{d2}";
                if (geography.HasDepartement(departement))
                {
                    return (Insee.Authority(Insee.DepartementCode(departement)), "département by SIREN", true);
                }
                break;
            case ['2', '3', var d1, var d2, _, _, _, _, _]:
                if (geography.RegionOf($"{d1}{d2}") is { } region)
                {
                    return (Insee.Authority(Insee.RegionCode(region)), "région by SIREN", true);
                }
                break;
        }
        var id = "siren:" + siren;
        var known = run.Context.IsKnown(id);
        return (id, known ? "actor by SIREN" : "new actor by SIREN", known);
    }

    /// <summary>Whether a SIREN is a public body's: the State's (1…) and local public bodies' (2…) numbers.</summary>
    public static bool IsPublic(string siren) => siren[0] is '1' or '2';

    /// <summary>
    /// A public body the graph does not know yet, as an authority: a commune, département or région the geography
    /// lacks (another vintage), a hospital, or another public body (a syndicate, an office, a State establishment).
    /// </summary>
    public static ImportItem NewAuthority(string id, string siren, string name, SourceRun run)
    {
        var level = siren[..2] switch
        {
            "21" => "COMMUNE",
            "22" => "DEPARTEMENT",
            "23" => "REGION",
            _ when name.Contains("hospital", StringComparison.OrdinalIgnoreCase) || name.Contains("hôpita", StringComparison.OrdinalIgnoreCase)
                || name.Contains("hopita", StringComparison.OrdinalIgnoreCase) => "HOSPITAL",
            _ => "PUBLIC_BODY",
        };
        return Items.Node("AUTHORITY", id, name, run.Provenance).With("level", level).With("code", siren);
    }
}
