using System.Text.Json;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.OpenData.Tables;

namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>
/// Schools as establishments PART_OF the authority the law gives them, and the State's programmes as policies its
/// funding flows from, from hand-written rows in each published layout.
/// </summary>
public sealed class SchoolAndProgrammeImportTests
{
    [Fact]
    public async Task PublicLyceesBelongToTheirRegion_CollegesToTheirDepartement_EcolesToTheirCommune_PrivateOnesToNone()
    {
        await using var run = await RelationImport.CreateAsync();
        using var document = JsonDocument.Parse("""
            [{"record":{"fields":{"uai":"0691234A","nom_de_l_etablissement":"Lycée professionnel du Rhône","secteur":"public","type_de_lycee":"LP","code_insee_de_la_commune":"69266","code_du_departement":"69","rentree_scolaire":"2023-2024"}}},
             {"record":{"fields":{"uai":"0691234A","nom_de_l_etablissement":"Lycée professionnel du Rhône","secteur":"public","type_de_lycee":"LP","code_insee_de_la_commune":"69266","code_du_departement":"69","rentree_scolaire":"2024-2025"}}},
             {"record":{"fields":{"uai":"0695555B","nom_de_l_etablissement":"Lycée privé Saint-Just","secteur":"privé sous contrat","type_de_lycee":"LPO","code_insee_de_la_commune":"69385","code_du_departement":"69"}}}]
            """);

        var lyceeReport = await run.ImportAsync(JsonRecords.Read(document.RootElement), null, "ips_lycees_2023-2025.json");
        await run.CsvAsync(null, "colleges_2024.csv",
            "numero_uai;appellation_officielle;secteur_public_prive_libe;code_commune;code_departement;nature_uai\n0690001C;Collège Jean Moulin;Public;69123;069;340\n");
        var directory = await run.CsvAsync(null, "annuaire_education_2023.csv",
            "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Code_commune;Code_departement;libelle_nature\n" +
            "0690002D;École Pasteur;Ecole;Public;69244;069;ECOLE ELEMENTAIRE\n0690003E;Rectorat;Service Administratif;Public;69123;069;\n");

        var lycee = await run.NodeAsync<Establishment>("uai:0691234A");
        var prive = await run.NodeAsync<Establishment>("uai:0695555B");
        Assert.Equal((EstablishmentCategory.VocationalLycee, true), (lycee.Category, lycee.Public));
        Assert.Equal(["insee:authority:R84"], await run.OutAsync("uai:0691234A", LinkType.PartOf));
        Assert.Equal((EstablishmentCategory.MultiPurposeLycee, false), (prive.Category, prive.Public));
        Assert.Empty(await run.OutAsync("uai:0695555B", LinkType.PartOf));
        Assert.Equal(["insee:69123"], await run.OutAsync("uai:0695555B", LinkType.LocatedIn));
        Assert.Equal(["insee:authority:D69"], await run.OutAsync("uai:0690001C", LinkType.PartOf));
        Assert.Equal(["insee:authority:69244"], await run.OutAsync("uai:0690002D", LinkType.PartOf));
        Assert.Equal(1, lyceeReport.Skipped["an establishment already read (another school year, another file)"]);
        Assert.Equal(1, directory.Skipped["not a school (Service Administratif)"]);
    }

    [Fact]
    public async Task TheStatesProgrammes_FundLocalAuthorities_AndHosts()
    {
        await using var run = await RelationImport.CreateAsync();
        using var document = JsonDocument.Parse("""
            [{"raison_sociale":"COMMUNE DE VILLEURBANNE","siret":"21690266800017","type":"publique","nb_cnfs":2,"date_de_validation_en_comité_de_sélection":"2021-05-19","investissement_financier_estimatif_total_de_l.etat":100000,"insee_com":"69266","id":1},
             {"raison_sociale":"0","siret":"null","nb_cnfs":1,"investissement_financier_estimatif_total_de_l.etat":50000,"id":2}]
            """);

        var advisers = await run.ImportAsync(JsonRecords.Read(document.RootElement), null, "conseillers_numeriques_2021.json");
        var grants = await run.CsvAsync(null, "dotations_investissement_2019_projets.xlsx",
            "id_projet,id_dep,id_terr,nom_terr,dotation,echelon,categorie,description,montant_sub\n" +
            "1,69,69244,Saint-Genis-Laval,DETR,commune,2 - Economie et emploi,Halle du marché,120000\n" +
            "2,69,200046977,Métropole de Lyon,DSIL,epci,5 - Mobilités,Pistes cyclables,300000.5\n" +
            "3,69,69999,Disparue,DETR,commune,1 - Divers,Salle,1000\n");

        var advice = Assert.Single(await run.LinksAsync("programme:conseillers-numeriques", LinkType.Funds));
        Assert.Equal(("insee:authority:69266", 100_000m, 2021), (advice.TargetId, advice.Amount!.Value, advice.Year!.Value));
        Assert.Equal(1, advisers.Skipped["a placeholder: no structure identified yet"]);
        Assert.Equal(["programme:conseillers-numeriques"], await run.OutAsync("state:anct", LinkType.Owns));
        Assert.Equal((2L, 1L), (grants.LinksWritten, grants.Skipped["commune not in the current geography (merged since, or abroad)"]));
        var dsil = Assert.Single(await run.LinksAsync("programme:dsil", LinkType.Funds));
        Assert.Equal(("siren:200046977", 300_000.5m, 2019), (dsil.TargetId, dsil.Amount!.Value, dsil.Year!.Value));
        Assert.Equal(Instrument.Subsidy, (await run.NodeAsync<Policy>("programme:detr")).Instrument);
    }
}
