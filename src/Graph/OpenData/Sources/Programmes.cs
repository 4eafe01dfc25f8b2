using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// ANCT "Petites villes de demain" beneficiaries (programme, insee_com, siren_epci, date_signature): the programme is
/// a Policy owned by the ANCT (a State authority), and TARGETS each beneficiary commune's authority and, once, each of
/// their intercommunalities. The programme acts through a convention signed with each town: PARTNERSHIP_AGREEMENT.
/// </summary>
internal sealed class PetitesVillesDeDemain : OpenDataSource
{
    private const string Anct = "state:anct";
    private const string Programme = "programme:petites-villes-de-demain";

    public override string Name => "pvd";

    public override string Title => "ANCT Petites villes de demain beneficiaries (petites_villes_de_demain_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["programme", "insee_com", "siren_epci"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        if (run.Context.FirstTime(Programme))
        {
            yield return Items.Node("AUTHORITY", Anct, "Agence nationale de la cohésion des territoires (ANCT)", run.Provenance).With("level", "STATE");
            yield return Items.Node("POLICY", Programme, row["programme"]!, run.Provenance)
                .With("instrument", "PARTNERSHIP_AGREEMENT").With("domains", new[] { "ECONOMY", "HOUSING" }).With("ownerId", Anct);
        }
        run.Matches.Count(run.Context.Communes.Contains(row["insee_com"]!) ? "commune in the geography" : "commune not in the geography (other vintage)");
        yield return Items.Link("TARGETS", Programme, Insee.Authority(row["insee_com"]!), run.Provenance).With("since", row.Date("date_signature"));
        if (row["siren_epci"] is { } epci && run.Context.FirstTime("pvd|" + epci))
        {
            yield return Items.Link("TARGETS", Programme, "siren:" + epci, run.Provenance);
        }
    }
}
