using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>beta.gouv.fr sponsoring administrations (id, nom, type): authorities <c>betagouv:ID</c>.</summary>
internal sealed class BetaGouvOrganisations : OpenDataSource
{
    public override string Name => "betagouv-organisations";

    public override string Title => "beta.gouv.fr sponsoring administrations (betagouv_organisations.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["id", "nom", "type"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        // Central administrations and their local services are the State; operators, social security and others public bodies.
        var level = row["type"] is "administration-centrale" or "service-deconcentre" ? "STATE" : "PUBLIC_BODY";
        yield return Items.Node("AUTHORITY", "betagouv:" + row["id"], row["nom"]!, run.Provenance)
            .With("level", level).With("tags", new[] { row["type"]!, row["domaine_ministeriel"] ?? "" }.Where(t => t.Length > 0));
    }
}

/// <summary>beta.gouv.fr incubators (id, nom, organisation_porteuse): innovation labs HOSTED_BY their administration.</summary>
internal sealed class BetaGouvIncubators : OpenDataSource
{
    public override string Name => "betagouv-incubators";

    public override string Title => "beta.gouv.fr incubators (betagouv_incubateurs.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["id", "nom", "organisation_porteuse"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var host = row["organisation_porteuse"] is { } organisation ? "betagouv:" + organisation : null;
        run.Matches.Count(host is null ? "no hosting administration" : "hosted by an administration");
        yield return Items.Node("INNOVATION_LAB", "betagouv:incubator:" + row["id"], row["nom"]!, run.Provenance)
            .With("authorityId", host).With("description", row["description_courte"]);
    }
}

/// <summary>
/// beta.gouv.fr public digital services (id, nom, mission, incubateur, date_debut, thematiques): each a Policy
/// (instrument OTHER: a service built by the State) that its incubator IMPLEMENTS.
/// </summary>
internal sealed class BetaGouvStartups : OpenDataSource
{
    public override string Name => "betagouv-startups";

    public override string Title => "beta.gouv.fr public digital services (betagouv_startups.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["id", "nom", "incubateur"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var id = "betagouv:startup:" + row["id"];
        var tags = (row["thematiques"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
            .Append(row["phase_actuelle"] ?? "").Where(t => t.Length > 0);
        yield return Items.Node("POLICY", id, row["nom"]!, run.Provenance)
            .With("instrument", "OTHER").With("start", row.Date("date_debut")).With("description", row["mission"]).With("tags", tags);
        if (row["incubateur"] is { } incubator)
        {
            yield return Items.Link("IMPLEMENTS", "betagouv:incubator:" + incubator, id, run.Provenance);
        }
    }
}

/// <summary>beta.gouv.fr sponsors (startup_id, organisation_id): each sponsoring administration OWNS the service.</summary>
internal sealed class BetaGouvSponsors : OpenDataSource
{
    public override string Name => "betagouv-sponsors";

    public override string Title => "beta.gouv.fr sponsors of each service (betagouv_startup_sponsors.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["startup_id", "organisation_id"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        yield return Items.Link("OWNS", "betagouv:" + row["organisation_id"], "betagouv:startup:" + row["startup_id"], run.Provenance);
    }
}
