using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData.Sources;

/// <summary>
/// JRC Innovative Public Services Explorer (id, name, description, lead_organisation_name,
/// lead_organisation_category, start_date, geocoverage…): each case a Policy <c>ipsx:ID</c> (instrument OTHER). Its
/// lead organisation becomes a node when the category says what it is — a government (an authority that OWNS the
/// case) or an academic body (a university that IMPLEMENTS it); private and other leads are counted, not invented.
/// </summary>
internal sealed class InnovativePublicServices : OpenDataSource
{
    public override string Name => "ipsx";

    public override string Title => "JRC Innovative Public Services Explorer (eu_innovative_public_services_*.csv)";

    public override IReadOnlyCollection<string> RequiredColumns => ["id", "name", "lead_organisation_name", "lead_organisation_category"];

    public override IEnumerable<ImportItem> Map(CsvRecord row, SourceRun run)
    {
        var id = "ipsx:" + row["id"];
        var tags = new[] { row["geocoverage"], row["technology"], row["primary_sector"] }.OfType<string>();
        yield return Items.Node("POLICY", id, row["name"]!, run.Provenance)
            .With("instrument", "OTHER").With("start", row.Date("start_date")).With("description", row["description"]).With("tags", tags);

        var lead = row["lead_organisation_name"];
        var category = row["lead_organisation_category"] ?? "";
        var (kind, field, value, type) = category switch
        {
            _ when category.Contains("Central", StringComparison.OrdinalIgnoreCase) => ("AUTHORITY", "level", "STATE", "OWNS"),
            _ when category.Contains("Regional", StringComparison.OrdinalIgnoreCase) => ("AUTHORITY", "level", "REGION", "OWNS"),
            _ when category.Contains("Local", StringComparison.OrdinalIgnoreCase) => ("AUTHORITY", "level", "COMMUNE", "OWNS"),
            _ when category.Contains("Academic", StringComparison.OrdinalIgnoreCase) => ("UNIVERSITY", "universityKind", "UNIVERSITY", "IMPLEMENTS"),
            _ => (null, null, null, null),
        };
        if (lead is null || kind is null)
        {
            run.Matches.Count("lead organisation not written (private, other or none)");
            yield break;
        }
        run.Matches.Count("lead organisation written");
        var leadId = "ipsx:org:" + Slug(lead);
        if (run.Context.FirstTime(leadId))
        {
            yield return Items.Node(kind, leadId, lead, run.Provenance).With(field!, value);
        }
        yield return Items.Link(type!, leadId, id, run.Provenance);
    }

    private static string Slug(string name) =>
        string.Join('-', CommuneDirectory.Normalise(name).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } slug
            ? slug[..Math.Min(slug.Length, 150)]
            : "unnamed";
}
