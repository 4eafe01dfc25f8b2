using System.Globalization;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData.Themes;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>The State's programmes as policies it owns, from which its funding flows (FUNDS from a policy).</summary>
internal static class StatePolicies
{
    public const string Anct = "state:anct";

    /// <summary>The owner and the policy, the first time the run meets the policy.</summary>
    public static IEnumerable<ImportItem> Policy(SourceRun run, string ownerId, string ownerName, string id, string name, string instrument, params string[] domains)
    {
        if (!run.Context.FirstTime(id))
        {
            yield break;
        }
        if (run.Context.FirstTime("owner|" + ownerId))
        {
            yield return Items.Node("AUTHORITY", ownerId, ownerName, run.Provenance).With("level", "STATE");
        }
        yield return Items.Node("POLICY", id, name, run.Provenance).With("instrument", instrument).With("domains", domains).With("ownerId", ownerId);
    }

}

/// <summary>
/// The host structures of the Conseillers numériques France services programme (raison_sociale, siret, nb_cnfs,
/// date of the selection committee, the State's estimated funding): the programme a policy of the ANCT, FUNDS from it
/// to each host with its amount and year. Placeholder records with no structure yet are left out, counted.
/// </summary>
internal sealed class DigitalAdvisers : OpenDataSource
{
    private const string Programme = "programme:conseillers-numeriques";

    public override string Name => "conseillers-numeriques";

    public override string Title => "Hosts of the Conseillers numériques programme, ANCT (conseillers_numeriques_*.json)";

    public override bool JoinsByNumber => true;

    public override IReadOnlyCollection<string> RequiredColumns => ["raison_sociale", "siret", "nb_cnfs", "investissement_financier_estimatif_total_de_l.etat"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (FrenchValues.Siren(row["siret"]) is not { } siren)
        {
            run.Skipped.Count("a placeholder: no structure identified yet");
            yield break;
        }
        foreach (var item in StatePolicies.Policy(run, StatePolicies.Anct, "Agence nationale de la cohésion des territoires (ANCT)", Programme,
            "Conseillers numériques France services", "SUBSIDY", "DIGITAL", "SOCIAL"))
        {
            yield return item;
        }
        var (host, newNode) = NumberedActors.Resolve(siren, row["raison_sociale"]!, fileSaysAssociation: false, "beneficiary", run);
        if (newNode is not null)
        {
            yield return newNode.With("territoryCode", LegalUnits.Locate(run, row["insee_com"], null, null));
        }
        var (date, year) = FrenchValues.Date(row["date_de_validation_en_comité_de_sélection"]);
        var note = $"{row["nb_cnfs"]} conseiller(s) numérique(s)";
        var link = Items.Link("FUNDS", Programme, host, run.Provenance)
            .With("id", LinkKeys.Id("grant:cnfs:", siren, row["id"], row["nb_cnfs"]))
            .With("instrument", "SUBSIDY")
            .With("amount", FrenchValues.Amount(row["investissement_financier_estimatif_total_de_l.etat"]))
            .With("year", year is { } y ? (long)y : null)
            .With("since", date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("note", note);
        foreach (var item in GrantThemes.Apply(link, host, !PublicBodies.IsPublic(siren), run, ("purpose", note)))
        {
            yield return item;
        }
        yield return link;
    }
}

/// <summary>
/// France services sites (id_fs, lib_fs, insee_com, type_fs, format_fs): each site an organisation located in its
/// commune that IMPLEMENTS the France services programme of the ANCT. The files do not give the carrying structure's
/// number, so sites are not joined to it.
/// </summary>
internal sealed class FranceServices : OpenDataSource
{
    private const string Programme = "programme:france-services";

    public override string Name => "france-services";

    public override string Title => "France services sites, ANCT (france_services_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["id_fs", "lib_fs", "insee_com", "type_fs", "format_fs"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        foreach (var item in StatePolicies.Policy(run, StatePolicies.Anct, "Agence nationale de la cohésion des territoires (ANCT)", Programme,
            "France services", "PARTNERSHIP_AGREEMENT", "SOCIAL", "GOVERNANCE"))
        {
            yield return item;
        }
        var id = "france-services:" + row["id_fs"];
        yield return Items.Node("ORGANISATION", id, row["lib_fs"]!, run.Provenance)
            .With("territoryCode", LegalUnits.Locate(run, row["insee_com"], row["code_postal"], row["lib_com"]))
            .With("tags", new[] { "France services", row["type_fs"]!, row["format_fs"]! });
        yield return Items.Link("IMPLEMENTS", id, Programme, run.Provenance).With("note", row["labellisation_fs"]);
    }
}

/// <summary>
/// The State's investment grants to local authorities of one year (DETR, DSIL, DSID; id_terr, echelon, dotation,
/// categorie, description, montant_sub): each grant a FUNDS link from the grant's policy, owned by the State, to the
/// commune, intercommunality or département. Codes the current geography no longer has (merged communes) are counted.
/// </summary>
internal sealed class InvestmentGrants : OpenDataSource
{
    public override string Name => "dotations-investissement";

    public override string Title => "State investment grants to local authorities, DETR/DSIL/DSID (dotations_investissement_*.xlsx)";

    public override IReadOnlyCollection<string> RequiredColumns => ["id_projet", "id_terr", "echelon", "dotation", "montant_sub"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var dotation = row["dotation"]!.ToUpperInvariant();
        var policy = "programme:" + dotation.ToLowerInvariant();
        foreach (var item in StatePolicies.Policy(run, StateAssociations.State, "État", policy, Names.GetValueOrDefault(dotation, dotation), "SUBSIDY", "GOVERNANCE"))
        {
            yield return item;
        }
        var code = row["id_terr"]!;
        var beneficiary = row["echelon"] switch
        {
            "commune" => run.Context.Communes.Contains(code.PadLeft(5, '0')) ? Insee.Authority(code.PadLeft(5, '0')) : null,
            "epci" => "siren:" + code,
            "conseil_departemental" => run.Context.Communes.HasDepartement(code.PadLeft(2, '0')) ? Insee.Authority(Insee.DepartementCode(code.PadLeft(2, '0'))) : null,
            _ => null,
        };
        if (beneficiary is null)
        {
            run.Skipped.Count($"{row["echelon"]} not in the current geography (merged since, or abroad)");
            yield break;
        }
        var year = run.VintageYear;
        var note = $"{dotation} — {row["categorie"]} — {row["description"]}";
        var link = Items.Link("FUNDS", policy, beneficiary, run.Provenance)
            .With("id", LinkKeys.Id("grant:dotation:", row["id_projet"], dotation, code))
            .With("instrument", "SUBSIDY")
            .With("amount", FrenchValues.Amount(row["montant_sub"]))
            .With("year", year is { } y ? (long)y : null)
            .With("note", LinkKeys.Note(note));
        // Every beneficiary is a commune, an intercommunality or a département: the grant has a domain, they no theme.
        foreach (var item in GrantThemes.Apply(link, beneficiary, beneficiaryWorksOn: false, run, ("project", row["description"]), ("category", row["categorie"])))
        {
            yield return item;
        }
        yield return link;
    }

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["DETR"] = "Dotation d'équipement des territoires ruraux (DETR)",
        ["DSIL"] = "Dotation de soutien à l'investissement local (DSIL)",
        ["DSID"] = "Dotation de soutien à l'investissement des départements (DSID)",
    };
}
