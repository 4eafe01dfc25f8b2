using System.Text.Json;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.OpenData.Tables;

namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>
/// Public contracts (DECP JSON) and the State's grants to associations, from hand-written records: buyers and holders
/// joined by SIREN, co-contractors made a consortium, republished contracts and total rows left out and counted.
/// </summary>
public sealed class ContractImportTests
{
    private const string Decp = """
        {"marches":[
          {"id":"2019-01","uid":"216901231000172019-01","acheteur":{"id":"21690123100017","nom":"Ville de Lyon"},"_type":"Marché",
           "objet":"Entretien des espaces verts","codeCPV":"77310000-6","procedure":"Appel d'offres ouvert","dateNotification":"2019-02-11+01:00",
           "montant":90000,"titulaires":[{"typeIdentifiant":"SIRET","id":"34356040500012","denominationSociale":"JARDINS DE COCAGNE"},
                                        {"typeIdentifiant":"SIRET","id":"44306184100047","denominationSociale":"PAYSAGES SA"}]},
          {"id":"2019-01","uid":"216901231000172019-01","acheteur":{"id":"21690123100017","nom":"Ville de Lyon"},"_type":"Marché",
           "objet":"Entretien des espaces verts (modifié)","montant":95000,"titulaires":[{"typeIdentifiant":"SIRET","id":"34356040500012"}]},
          {"id":"2019-02","acheteur":{"id":"26690001300012","nom":"Office public de l'habitat du Rhône"},"_type":"Marché",
           "objet":"Nettoyage","dateNotification":"2019-03-01","montant":12000.5,
           "titulaires":[{"typeIdentifiant":"TVA","id":"BE0123456789","denominationSociale":"NET BELGIUM"}]},
          {"id":"2019-03","acheteur":{"id":"21690123100017"},"_type":"Marché","objet":"Sans titulaire","montant":1}
        ]}
        """;

    private const string StateAnnex =
        "SIREN;ASSOCIATION;IMPUTATION;Total des subventions;Détail des subventions\n" +
        "343560405;JARDINS DE COCAGNE - 69 VILLEURBANNE;;13 680;\n" +
        "343560405;JARDINS DE COCAGNE - 69 VILLEURBANNE;Culture et communication: 224 - Transmission des savoirs;;11 680\n" +
        "343560405;JARDINS DE COCAGNE - 69 VILLEURBANNE;Services du Premier ministre: 163 - Jeunesse et vie associative;;2 000\n" +
        "98303320;1000 VISAGES - 91 ;Santé et sports: 219 - Sport;;8 000\n";

    [Fact]
    public async Task AContract_FundsEachHolder_WithAnEqualShare_AndItsHoldersFormAConsortium()
    {
        await using var run = await RelationImport.CreateAsync();
        using var document = JsonDocument.Parse(Decp);

        var report = await run.ImportAsync(JsonRecords.Read(document.RootElement), null, "decp_2019.json");
        var lyon = await run.LinksAsync("insee:authority:69123", LinkType.Funds);
        var consortium = Assert.Single(await run.LinksAsync("siren:343560405", LinkType.CooperatesWith));
        var office = await run.NodeAsync<Authority>("siren:266900013");
        var foreign = Assert.Single(await run.LinksAsync("siren:266900013", LinkType.Funds));

        Assert.Equal("decp", report.Source);
        Assert.Equal(
            [("siren:343560405", 45_000m, Instrument.PublicContract, 2019), ("siren:443061841", 45_000m, Instrument.PublicContract, 2019)],
            lyon.Select(l => (l.TargetId, l.Amount!.Value, l.Instrument!.Value, l.Year!.Value)));
        Assert.All(lyon, l => Assert.Contains("2 co-titulaires", l.Note, StringComparison.Ordinal));
        Assert.Equal((CooperationKind.Consortium, new DateOnly(2019, 2, 11)), (consortium.CooperationKind!.Value, consortium.Since!.Value));
        Assert.Equal(AuthorityLevel.PublicBody, office.Level);
        Assert.Equal(("decp:tva:be0123456789", 12_000.5m), (foreign.TargetId, foreign.Amount!.Value));
        Assert.Equal(1, report.Skipped["a contract already read, published again"]);
        Assert.Equal((4L, "no holder: the contract names no supplier"), (Assert.Single(report.RejectedRows).Row, report.RejectedRows[0].Reason));
    }

    [Fact]
    public async Task TheStatesGrants_FlowFromItsMinistries_AndTotalRowsAreNotCountedTwice()
    {
        await using var run = await RelationImport.CreateAsync();

        var report = await run.CsvAsync(null, "plf2012_jaune_associations_subventionnees_2010.csv", StateAnnex);
        var culture = Assert.Single(await run.LinksAsync("state:ministry:cultureetcommunication", LinkType.Funds));
        var ministry = await run.NodeAsync<Service>("state:ministry:cultureetcommunication");
        var newcomer = await run.NodeAsync<SseActor>("siren:098303320");

        // Three grants, and the theme each programme gives its association.
        Assert.Equal(("2010", 6L, 1L), (report.Vintage, report.LinksWritten, report.Skipped["an association's total of the detail rows that follow"]));
        Assert.Equal(PolicyDomain.Culture, culture.Domain);
        Assert.Equal(["theme:fr:jeunesse", "theme:fr:patrimoine"], (await run.OutAsync("siren:343560405", LinkType.WorksOn)).Order(StringComparer.Ordinal));
        Assert.Equal(("siren:343560405", 11_680m, 2010, "Programme 224 - Transmission des savoirs"), (culture.TargetId, culture.Amount!.Value, culture.Year!.Value, culture.Note));
        Assert.Equal(PolicyDomain.Culture, ministry.Domain);
        Assert.Equal(("1000 VISAGES", LegalForm.Association), (newcomer.Name, newcomer.LegalForm));
    }
}
