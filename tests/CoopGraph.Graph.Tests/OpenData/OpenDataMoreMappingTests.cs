using CoopGraph.Domain.Model;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData;

namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>The connectors not covered by <see cref="OpenDataMappingTests"/>, each on a hand-written file, in one run.</summary>
public sealed class OpenDataMoreMappingTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Dictionary<string, OpenDataFileReport> _reports = [];
    private TempStore _temp = null!;

    private IGraphStore Store => _temp.Store;

    public async Task InitializeAsync()
    {
        _temp = await TempStore.CreateAsync();
        var importer = new OpenDataImporter(_temp.Store);
        var context = await importer.CreateContextAsync(Ct);
        (string Source, string File, string Text)[] files =
        [
            ("cog-regions", "regions.csv", OpenDataFixtures.Regions),
            ("cog-departements", "departements.csv", OpenDataFixtures.Departements),
            ("cog-communes", "communes_cog2026.csv", OpenDataFixtures.Communes),
            ("epci", "epci_2025.csv", OpenDataFixtures.Epci),
            ("ept", "ept_grand_paris_2025.csv", OpenDataFixtures.GrandParis),
            ("esr-establishments", "etablissements_2024.csv", OpenDataFixtures.Establishments),
            ("doctoral-schools", "ecoles_doctorales_2020.csv", OpenDataFixtures.DoctoralSchools),
            ("rnsr", "rnsr_2022.csv", OpenDataFixtures.ResearchStructures),
            ("doctoral-school-establishments", "ed_etablissements_2020.csv", OpenDataFixtures.DoctoralSchoolEstablishments),
            ("doctoral-school-labs", "ed_laboratoires_2020.csv", OpenDataFixtures.DoctoralSchoolLabs),
            ("geiq", "geiq_2019_11.csv", OpenDataFixtures.Geiq),
            ("ess-sirene", "ess_sirene_2026.csv", OpenDataFixtures.SireneSse),
            ("tiers-lieux", "tiers_lieux.csv", OpenDataFixtures.ThirdPlaces),
            ("pvd", "petites_villes_de_demain_2021.csv", OpenDataFixtures.PetitesVilles),
            ("betagouv-organisations", "betagouv_organisations.csv", OpenDataFixtures.BetaGouvOrganisations),
            ("betagouv-incubators", "betagouv_incubateurs.csv", OpenDataFixtures.BetaGouvIncubators),
            ("betagouv-startups", "betagouv_startups.csv", OpenDataFixtures.BetaGouvStartups),
            ("betagouv-sponsors", "betagouv_startup_sponsors.csv", OpenDataFixtures.BetaGouvSponsors),
            ("ipsx", "ipsx.csv", OpenDataFixtures.Ipsx),
        ];
        foreach (var (source, file, text) in files)
        {
            using var table = CsvTable.Open(new StringReader(text));
            _reports[source] = await importer.ImportAsync(table, OpenDataSources.Find(source), file, context, null, Ct);
        }
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private async Task<T> NodeAsync<T>(string id) where T : Node =>
        Assert.IsType<T>(Assert.Single(await Store.GetNodesAsync(Viewer.Everything, [id], Ct)));

    private async Task<List<string>> OutAsync(string id, LinkType type) =>
        [.. ((await Store.GetNeighbourIdsAsync(Viewer.Everything, [id], type, LinkDirection.Outgoing, Ct)).GetValueOrDefault(id) ?? []).Order(StringComparer.Ordinal)];

    [Fact]
    public void NoFileHasARefusedRow() =>
        Assert.All(_reports.Values, r => Assert.True(r.RowsRejected == 0, $"{r.Source}: {string.Join("; ", r.RejectedRows.Select(x => x.Reason))}"));

    [Fact]
    public async Task GrandParisTerritories_ArePartOfTheMetropolis_AndTheirCommunesOfThem()
    {
        Assert.Equal(["siren:200054781"], await OutAsync("siren:200057867", LinkType.PartOf));
        Assert.Contains("siren:200057867", await OutAsync("insee:authority:75056", LinkType.PartOf));
        Assert.Equal(AuthorityLevel.Intercommunality, (await NodeAsync<Authority>("siren:200057867")).Level);
    }

    [Fact]
    public async Task DoctoralSchools_LinkTheirMembersToTheSupport_AsANetwork_WritingAMissingSupport()
    {
        var comue = await NodeAsync<University>("uai:0694094A");
        var links = await Store.GetLinksOfNodesAsync(Viewer.Everything, ["uai:0691774D"], [LinkType.CooperatesWith], new PageRequest(100), Ct);

        // The COMUE is not among the establishments: the school's file names it, located from its arrondissement code.
        Assert.Equal(("COMUE Université de Lyon", UniversityKind.University), (comue.Name, comue.UniversityKind));
        Assert.Equal(["insee:69123"], await OutAsync("uai:0694094A", LinkType.LocatedIn));
        Assert.All(links["uai:0691774D"].Items, l => Assert.Equal((CooperationKind.Network, "École doctorale 52"), (l.Item.CooperationKind, l.Item.Note)));
        Assert.Equal(
            ["rnsr:200000001A", "rnsr:200000002B", "uai:0691774D", "uai:0751717J"],
            links["uai:0691774D"].Items.SelectMany(l => new[] { l.Item.SourceId, l.Item.TargetId }).Distinct().Order(StringComparer.Ordinal));
        // Cooperation is symmetric and stored once, from the smaller id.
        Assert.Contains("uai:0751717J", await OutAsync("uai:0694094A", LinkType.CooperatesWith));
        Assert.Equal(1, _reports["doctoral-school-establishments"].Skipped["the support establishment itself"]);
        Assert.Equal(1, _reports["doctoral-school-labs"].Skipped["doctoral school not read in this run (import ecoles_doctorales first)"]);
    }

    [Fact]
    public async Task SseLists_MapLegalCategories_AndLocateByPostcodeAndName()
    {
        Assert.Equal(LegalForm.Association, (await NodeAsync<SseActor>("siren:799141635")).LegalForm);
        Assert.Equal(["insee:69244"], await OutAsync("siren:799141635", LinkType.LocatedIn));
        Assert.Equal(LegalForm.Cooperative, (await NodeAsync<SseActor>("siren:062201199")).LegalForm);
        Assert.Equal(["formation", "numérique"], (await NodeAsync<SseActor>("siren:062201199")).Tags.Order(StringComparer.Ordinal));
        Assert.Equal(LegalForm.Foundation, (await NodeAsync<SseActor>("siren:111111111")).LegalForm);
        Assert.Equal(LegalForm.Mutual, (await NodeAsync<SseActor>("siren:222222222")).LegalForm);
        // The SSE family of the list wins over the legal category (an association that is a company by form).
        Assert.Equal(LegalForm.Association, (await NodeAsync<SseActor>("siren:333333333")).LegalForm);
        Assert.Equal(3, _reports["ess-sirene"].Matches["no location in the file"]);
    }

    [Fact]
    public async Task ThirdPlaces_AreLocatedByCode_OrArrondissement_AndJoinTheirCarrier()
    {
        Assert.Equal(["insee:69123"], await OutAsync("tiers-lieu:8", LinkType.LocatedIn));
        Assert.Equal(["insee:75056"], await OutAsync("tiers-lieu:9", LinkType.LocatedIn));
        Assert.Equal(["siren:062201199"], await OutAsync("tiers-lieu:8", LinkType.MemberOf));
    }

    [Fact]
    public async Task PetitesVillesDeDemain_IsAProgrammeOfTheAnct_TargetingCommunesAndTheirIntercommunalityOnce()
    {
        var programme = await NodeAsync<Policy>("programme:petites-villes-de-demain");
        var targets = await Store.GetLinksOfNodesAsync(Viewer.Everything, [programme.Id], [LinkType.Targets], new PageRequest(100), Ct);

        Assert.Equal(Instrument.PartnershipAgreement, programme.Instrument);
        Assert.Equal(["programme:petites-villes-de-demain"], await OutAsync("state:anct", LinkType.Owns));
        Assert.Equal(
            ["insee:authority:69244", "insee:authority:69266", "siren:200046977"],
            targets[programme.Id].Items.Select(l => l.Item.TargetId).Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2021, 3, 15), targets[programme.Id].Items.Single(l => l.Item.TargetId == "insee:authority:69266").Item.Since);
    }

    [Fact]
    public async Task BetaGouv_IncubatorsHostedByAdministrations_ImplementServicesOwnedByTheirSponsors()
    {
        var service = await NodeAsync<Policy>("betagouv:startup:aides-territoires");

        Assert.Equal(AuthorityLevel.PublicBody, (await NodeAsync<Authority>("betagouv:anct")).Level);
        Assert.Equal(AuthorityLevel.State, (await NodeAsync<Authority>("betagouv:dinum")).Level);
        Assert.Equal(["betagouv:anct"], await OutAsync("betagouv:incubator:anct", LinkType.HostedBy));
        Assert.Equal(["betagouv:startup:aides-territoires"], await OutAsync("betagouv:incubator:anct", LinkType.Implements));
        Assert.Equal(["betagouv:startup:aides-territoires"], await OutAsync("betagouv:dinum", LinkType.Owns));
        Assert.Equal((new DateOnly(2018, 1, 15), Instrument.Other), (service.Start, service.Instrument));
        Assert.Equal(["Subventions", "Territoires", "acceleration"], service.Tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ipsx_CasesBecomePolicies_WithTheirGovernmentOrAcademicLead_AndMultiLineCellsStayWhole()
    {
        var chatbot = await NodeAsync<Policy>("ipsx:1");

        Assert.Equal(("Chatbot, municipal", "Answers\nresidents"), (chatbot.Name, chatbot.Description));
        Assert.Equal(["ipsx:1"], await OutAsync("ipsx:org:city-of-lyon", LinkType.Owns));
        Assert.Equal(["ipsx:3"], await OutAsync("ipsx:org:universite-lyon-2", LinkType.Implements));
        Assert.Empty(await Store.GetNodesAsync(Viewer.Everything, ["ipsx:org:acme-corp"], Ct));
        Assert.Equal(1, _reports["ipsx"].Matches["lead organisation not written (private, other or none)"]);
    }
}
