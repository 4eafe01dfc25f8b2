using CoopGraph.Domain.Model;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.OpenData;

namespace CoopGraph.Graph.Tests.OpenData;

public sealed class OpenDataMappingTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<OpenDataFileReport> ImportAsync(OpenDataImporter importer, OpenDataContext context, string source, string file, string text)
    {
        using var table = CsvTable.Open(new StringReader(text));
        return await importer.ImportAsync(table, OpenDataSources.Find(source), file, context, null, Ct);
    }

    private static async Task<(TempStore Temp, OpenDataContext Context, List<OpenDataFileReport> Reports)> GeographyAsync()
    {
        var temp = await TempStore.CreateAsync();
        var importer = new OpenDataImporter(temp.Store);
        var context = await importer.CreateContextAsync(Ct);
        var reports = new List<OpenDataFileReport>
        {
            await ImportAsync(importer, context, "cog-regions", "regions.csv", OpenDataFixtures.Regions),
            await ImportAsync(importer, context, "cog-departements", "departements.csv", OpenDataFixtures.Departements),
            await ImportAsync(importer, context, "cog-communes", "communes_cog2026.csv", OpenDataFixtures.Communes),
            await ImportAsync(importer, context, "epci", "epci_2025.csv", OpenDataFixtures.Epci),
            await ImportAsync(importer, context, "epci-members", "epci_membres_2025.csv", OpenDataFixtures.EpciMembers),
        };
        return (temp, context, reports);
    }

    private static async Task<T> NodeAsync<T>(IGraphStore store, string id) where T : Node =>
        Assert.IsType<T>(Assert.Single(await store.GetNodesAsync(Viewer.Everything, [id], Ct)));

    private static async Task<IReadOnlyList<string>> NeighboursAsync(IGraphStore store, string id, LinkType type) =>
        (await store.GetNeighbourIdsAsync(Viewer.Everything, [id], type, LinkDirection.Outgoing, Ct)).GetValueOrDefault(id) ?? [];

    [Fact]
    public async Task Authorities_AreNamedAsFrenchWritesThem_FromTnccForDepartements_AndTheNameForCommunes()
    {
        var (temp, _, _) = await GeographyAsync();
        await using var store = temp;

        // TNCC 2, 5 and 0 in the fixture: Rhône, Aude, Paris.
        Assert.Equal("Département du Rhône", (await NodeAsync<Authority>(temp.Store, "insee:authority:D69")).Name);
        Assert.Equal("Département de l'Aude", (await NodeAsync<Authority>(temp.Store, "insee:authority:D11")).Name);
        Assert.Equal("Département de Paris", (await NodeAsync<Authority>(temp.Store, "insee:authority:D75")).Name);
        Assert.Equal("Commune de Lyon", (await NodeAsync<Authority>(temp.Store, "insee:authority:69123")).Name);
        Assert.Equal("Région Auvergne-Rhône-Alpes", (await NodeAsync<Authority>(temp.Store, "insee:authority:R84")).Name);

        Assert.Equal("Commune d'Étoile-sur-Rhône", FrenchNames.Of("Commune", "Étoile-sur-Rhône"));
        Assert.Equal("Commune d'Arras-sur-Rhône", FrenchNames.Of("Commune", "Arras-sur-Rhône"));
        Assert.Equal("Commune du Mans", FrenchNames.Of("Commune", "Le Mans"));
        Assert.Equal("Commune des Ulis", FrenchNames.Of("Commune", "Les Ulis"));
        Assert.Equal("Commune de La Rochelle", FrenchNames.Of("Commune", "La Rochelle"));
        Assert.Equal("Commune de L'Abergement-Clémenciat", FrenchNames.Of("Commune", "L'Abergement-Clémenciat"));
        Assert.Equal("Département des Bouches-du-Rhône", FrenchNames.WithTncc("Département", "4", "Bouches-du-Rhône"));
        Assert.Equal("Département de la Somme", FrenchNames.WithTncc("Département", "3", "Somme"));
    }

    [Fact]
    public async Task Search_PutsTheExactName_First()
    {
        var (temp, _, _) = await GeographyAsync();
        await using var store = temp;

        var rhone = await temp.Store.SearchAsync(Viewer.Everything, "Département du Rhône", 5, Ct);
        var lyon = await temp.Store.SearchAsync(Viewer.Everything, "lyon", 5, Ct);

        Assert.Equal("insee:authority:D69", rhone[0].Id);
        Assert.Equal("Lyon", lyon[0].Name);
        Assert.Equal("Commune de Lyon", SearchRanking.ExactNamesFirst([lyon[0] with { Name = "Métropole de Lyon" }, lyon[0] with { Name = "Commune de Lyon" }], "commune de LYON", 5)[0].Name);
    }

    [Fact]
    public async Task Geography_GivesTerritoriesWithinEachOther_AndTheirAuthorities_KeepingRegionAndDepartementCodesApart()
    {
        var (temp, _, reports) = await GeographyAsync();
        await using var _ = temp;

        var aude = await NodeAsync<Territory>(temp.Store, "insee:D11");
        var idf = await NodeAsync<Territory>(temp.Store, "insee:R11");
        var lyon = await NodeAsync<Territory>(temp.Store, "insee:69123");
        var lyonCouncil = await NodeAsync<Authority>(temp.Store, "insee:authority:69123");
        var metropole = await NodeAsync<Authority>(temp.Store, "siren:200046977");

        Assert.Equal(("D11", "insee:R76"), (aude.Code, aude.ParentId));
        Assert.Equal(("R11", "insee:FR"), (idf.Code, idf.ParentId));
        Assert.Equal(("69123", "insee:D69", TerritoryLevel.Commune), (lyon.Code, lyon.ParentId, lyon.Level));
        Assert.Equal((AuthorityLevel.Commune, 522250L), (lyonCouncil.Level, lyonCouncil.Population));
        Assert.Equal(["insee:69123"], await NeighboursAsync(temp.Store, "insee:authority:69123", LinkType.LocatedIn));
        Assert.Equal((AuthorityLevel.Metropolis, "opendata:epci:2025"), (metropole.Level, metropole.Source));
        Assert.Equal(["siren:200046977"], await NeighboursAsync(temp.Store, "insee:authority:69266", LinkType.PartOf));
        // The member commune that the geography does not know is a join that found nothing, not a refused row.
        Assert.Equal(2, reports[4].LinksWritten);
        Assert.Equal(0, reports[4].RowsRejected);
        Assert.Equal(1, reports[4].Matches["link not written: its other end is not in the graph"]);
        Assert.Equal(1, reports[4].Matches["commune not in the geography (other vintage)"]);
    }

    [Fact]
    public async Task Establishments_AreLocatedByCommuneOrArrondissement_AndRowsWithoutIdentityAreCounted()
    {
        var (temp, context, _) = await GeographyAsync();
        await using var _ = temp;
        var importer = new OpenDataImporter(temp.Store);

        var report = await ImportAsync(importer, context, "esr-establishments", "etablissements_esr_principaux_2024.csv", OpenDataFixtures.Establishments);

        Assert.Equal(["insee:75056"], await NeighboursAsync(temp.Store, "uai:0751717J", LinkType.LocatedIn));
        Assert.Equal(["insee:69266"], await NeighboursAsync(temp.Store, "uai:0691774D", LinkType.LocatedIn));
        Assert.Empty(await NeighboursAsync(temp.Store, "uai:0999999Z", LinkType.LocatedIn));
        Assert.Equal(UniversityKind.School, (await NodeAsync<University>(temp.Store, "uai:0999999Z")).UniversityKind);
        Assert.Equal((4, 3), (report.RowsRead, report.NodesWritten));
        Assert.Equal(1, report.Matches["located by commune code"]);
        Assert.Equal(1, report.Matches["located from an arrondissement code"]);
        Assert.Equal(1, report.Skipped["no identifier or no name"]);
    }

    [Fact]
    public async Task ResearchLabs_AreLocatedByPostcodeAndName_AndJoinTheirParentsAndSupervisors()
    {
        var (temp, context, _) = await GeographyAsync();
        await using var _ = temp;
        var importer = new OpenDataImporter(temp.Store);
        await ImportAsync(importer, context, "esr-establishments", "etablissements_esr_principaux_2024.csv", OpenDataFixtures.Establishments);

        var labs = await ImportAsync(importer, context, "rnsr", "rnsr_structures_recherche_2022.csv", OpenDataFixtures.ResearchStructures);
        var supervisors = await ImportAsync(importer, context, "rnsr-tutelles", "rnsr_tutelles_2022.csv", OpenDataFixtures.Supervisors);

        // "VILLEURBANNE CEDEX" and "ST GENIS LAVAL" meet "Villeurbanne" and "Saint-Genis-Laval".
        Assert.Equal(["insee:69266"], await NeighboursAsync(temp.Store, "rnsr:200000001A", LinkType.LocatedIn));
        Assert.Equal(["insee:69244"], await NeighboursAsync(temp.Store, "rnsr:200000002B", LinkType.LocatedIn));
        Assert.Equal(UniversityKind.ResearchLab, (await NodeAsync<University>(temp.Store, "rnsr:200000001A")).UniversityKind);
        Assert.Equal(3, labs.Matches["located by postcode and name"]);
        Assert.Equal(
            ["rnsr:200000003C", "uai:0691774D"],
            (await NeighboursAsync(temp.Store, "rnsr:200000001A", LinkType.MemberOf)).Order(StringComparer.Ordinal));
        Assert.Equal(1, supervisors.Skipped["institution without UAI (EPST, EPIC, hospital…)"]);
        Assert.Equal(1, supervisors.Matches["link not written: its other end is not in the graph"]);
    }

    [Fact]
    public async Task InsertionStructures_AreLegalUnits_PublicBodiesLeftOut_LegalFormsMapped()
    {
        var (temp, context, _) = await GeographyAsync();
        await using var _ = temp;
        var importer = new OpenDataImporter(temp.Store);

        var report = await ImportAsync(importer, context, "siae", "siae_asp_2019_07.csv", OpenDataFixtures.Siae);

        var gardens = await NodeAsync<SseActor>(temp.Store, "siren:343560405");
        var interim = await NodeAsync<SseActor>(temp.Store, "siren:410717714");
        Assert.Equal(("Jardins de Cocagne", LegalForm.Association, "343560405"), (gardens.Name, gardens.LegalForm, gardens.Siren));
        Assert.Equal(LegalForm.Cooperative, interim.LegalForm);
        Assert.Equal(["insee:69266"], await NeighboursAsync(temp.Store, "siren:343560405", LinkType.LocatedIn));
        Assert.Empty(await temp.Store.GetNodesAsync(Viewer.Everything, ["siren:216901231"], Ct));
        Assert.Equal(3, report.NodesWritten);
        Assert.Equal(1, report.Skipped["run by a public body, not an SSE organisation"]);
        Assert.Equal(1, report.Skipped["another establishment of a legal unit already read"]);
        Assert.Equal(1, report.Matches["not located"]);
    }

    [Fact]
    public async Task AFileWithoutItsColumns_IsRefusedNamingThem_AndAnUnknownHeaderIsNotGuessed()
    {
        await using var temp = await TempStore.CreateAsync();
        var importer = new OpenDataImporter(temp.Store);
        var context = await importer.CreateContextAsync(Ct);

        var missing = await Assert.ThrowsAsync<OpenDataFormatException>(() =>
            ImportAsync(importer, context, "epci", "epci.csv", "siren;libelle\n200046977;Lyon\n"));
        using var unknown = CsvTable.Open(new StringReader("foo,bar\n1,2\n"));

        Assert.Contains("nom, nature_juridique, dep_siege_fichier, population_municipale", missing.Message, StringComparison.Ordinal);
        Assert.Throws<OpenDataFormatException>(() => OpenDataSources.Detect(unknown.Columns));
        Assert.Equal(0, (await temp.Store.CountAsync(Viewer.Everything, Ct)).Nodes);
    }

    [Fact]
    public async Task HeadersAreRecognised_WhateverTheSeparatorAndColumnOrder()
    {
        using var epci = CsvTable.Open(new StringReader(OpenDataFixtures.Epci));
        using var members = CsvTable.Open(new StringReader(OpenDataFixtures.EpciMembers));
        using var labs = CsvTable.Open(new StringReader(OpenDataFixtures.ResearchStructures));

        Assert.Equal("epci", OpenDataSources.Detect(epci.Columns).Name);
        Assert.Equal("epci-members", OpenDataSources.Detect(members.Columns).Name);
        Assert.Equal("rnsr", OpenDataSources.Detect(labs.Columns).Name);
    }

    [Fact]
    public async Task ImportingTheSameFilesAgain_ChangesNothing_AndANewerVintageUpdatesInPlace()
    {
        var (temp, _, first) = await GeographyAsync();
        await using var _ = temp;
        var before = await temp.Store.CountAsync(Viewer.Everything, Ct);

        var importer = new OpenDataImporter(temp.Store);
        var context = await importer.CreateContextAsync(Ct);
        var again = await ImportAsync(importer, context, "cog-communes", "communes_cog2026.csv", OpenDataFixtures.Communes);
        var newer = await ImportAsync(importer, context, "cog-communes", "communes_cog2027.csv", OpenDataFixtures.Communes.Replace("522250", "523000", StringComparison.Ordinal));
        var after = await temp.Store.CountAsync(Viewer.Everything, Ct);
        var lyon = await NodeAsync<Authority>(temp.Store, "insee:authority:69123");

        Assert.Equal(first[2].NodesWritten, again.NodesWritten);
        Assert.Equal((before.Nodes, before.Links), (after.Nodes, after.Links));
        Assert.Equal((523000L, "opendata:cog-communes:2027"), (lyon.Population, lyon.Source));
        Assert.Equal("2027", newer.Vintage);
    }

    [Theory]
    [InlineData("Saint-Étienne", "ST ETIENNE")]
    [InlineData("L'Haÿ-les-Roses", "L HAY LES ROSES")]
    [InlineData("Sainte-Foy-lès-Lyon", "STE FOY LES LYON")]
    [InlineData("Œuilly", "OEUILLY")]
    public void CommuneNames_MeetWhateverTheirAccentsAndAbbreviations(string official, string written) =>
        Assert.Equal(CommuneDirectory.Normalise(official), CommuneDirectory.Normalise(written));
}
