using CoopGraph.Graph.OpenData.Sources;

namespace CoopGraph.Graph.OpenData;

/// <summary>Every connector, in the order a run imports them: each file's references point to what earlier ones wrote.</summary>
public static class OpenDataSources
{
    public static IReadOnlyList<OpenDataSource> All { get; } =
    [
        new CogRegions(), new CogDepartements(), new CogCommunes(),
        new Epci(), new EpciMembers(), new GrandParisTerritories(),
        // Doctoral schools write the support establishments that the establishments file lacks (COMUEs), which the
        // supervisors file refers to: both before it, so that one run reaches what a second run would.
        new Establishments(), new DoctoralSchools(), new ResearchStructures(), new ResearchSupervisors(),
        new DoctoralSchoolEstablishments(), new DoctoralSchoolLabs(),
        new InsertionStructures(), new Geiq(), new SireneSse(), new ThirdPlaces(),
        new PetitesVillesDeDemain(),
        new BetaGouvOrganisations(), new BetaGouvIncubators(), new BetaGouvStartups(), new BetaGouvSponsors(),
        new InnovativePublicServices(),
        // Relationships last: they join to the actors and the geography above, and create only what is still unknown.
        new Lycees(), new Colleges(), new EducationDirectory(),
        new ScdlSubsidies(), new StateAssociations(), new PublicContracts(),
        new DigitalAdvisers(), new FranceServices(), new InvestmentGrants(),
    ];

    public static OpenDataSource Find(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new OpenDataFormatException($"Unknown source '{name}': one of {string.Join(", ", All.Select(s => s.Name))}.");

    /// <summary>The source whose required columns a header holds, the most specific when several fit.</summary>
    public static OpenDataSource Detect(IReadOnlyList<string> columns) =>
        TryDetect(columns)
        ?? throw new OpenDataFormatException($"No source reads a file with columns {string.Join(", ", columns)}; name one with --source.");

    public static OpenDataSource? TryDetect(IReadOnlyList<string> columns) =>
        All.Where(s => s.Reads(columns)).OrderByDescending(s => s.Specificity).FirstOrDefault();

    public static int Rank(OpenDataSource source) => All.TakeWhile(s => s.Name != source.Name).Count();
}
