using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>
/// Grants as authorities publish them, in hand-written rows of each layout met: SCDL v2, the older OpenDataFrance
/// layout, the arrêté's French labels, a comma-separated file with unquoted decimal commas. Every row is written,
/// refused with its reason, or left out and counted; a second import changes nothing.
/// </summary>
public sealed class SubsidyImportTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private const string Scdl =
        "nomAttribuant;idAttribuant;dateConvention;referenceDecision;nomBeneficiaire;idBeneficiaire;objet;montant;nature\n" +
        // The département of the Rhône (SIREN 22 69…) funds an association the graph knows, twice in two years.
        "Département du Rhône;22690001700011;2017-03-01;CP-1;Jardins de Cocagne;34356040500012;Fonctionnement 2017;12 000,00;aide en numéraire\n" +
        "Département du Rhône;22690001700011;2018/03/01;CP-2;Jardins de Cocagne;34356040500012;Fonctionnement 2018;12 500,00;aide en numéraire\n" +
        // A commune (SIREN 21 69 1 266…, Villeurbanne) as beneficiary, and a company the graph does not know.
        "Département du Rhône;22690001700011;2018-05-04;CP-3;Commune de Villeurbanne;21690266800017;Appel à projets mobilité;40000;aide en numéraire\n" +
        "Département du Rhône;22690001700011;2018-05-04;CP-3;TRANSDEV RHONE;44306184100047;Transport scolaire;7500.5;aide en numéraire\n" +
        "Département du Rhône;22690001700011;2018-05-04;CP-4;Sans montant lisible;50000000000011;Divers;NC;aide en numéraire\n" +
        "Département du Rhône;22690001700011;2018;;;;Total;34 692 695,75;\n";

    // The older layout, a funder named by a SIRET written as a float, a file of grants to associations.
    private const string OldLayout =
        "ANNEE;COLL_NOM;COLL_SIRET;ACTE_DATE;ATTRIB_NOM;ATTRIB_SIRET;SUB_OBJ;SUB_MONTANT\n" +
        "2017;Ville de Lyon;21690123100000.0;2016-12-05;LES AMIS DU QUARTIER;45032466000000.0;Fête de quartier;10000.0\n";

    // Comma-separated, the amount's decimal comma unquoted, commas in the purpose and the conditions.
    private const string UnquotedCommas =
        "nomAttribuant,idAttribuant,dateConvention,referenceDecision,idBeneficiaire,nomBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement\n" +
        "Département du Rhône,22690001700011,2019-01-18,1 6,40352920900021,Vélo Club,Saison cycliste 2019,58 400,00,aide en numéraire,unique,2019-02-20_2020-12-31\n" +
        "Département du Rhône,22690001700011,2019-01-18,1 7,40352920900021,Vélo Club,Courses, stages et matériel,1 200,00,aide en numéraire,40 % à la signature, solde sur bilan,2019-02-20_2020-12-31\n" +
        "Département du Rhône,22690001700011,2019-01-18,1 8,40352920900021,Vélo Club,Saison, 2019,mille,euros,aide,unique,x\n";

    /// <summary>A funder's FUNDS links, by date then beneficiary.</summary>
    private static async Task<List<Link>> FundsAsync(RelationImport run, string funder) =>
        (await run.LinksAsync(funder, LinkType.Funds)).OrderBy(l => l.Since).ThenBy(l => l.TargetId, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task EachGrantIsOneFundsLink_FromTheFunderFoundBySiren_ToTheBeneficiaryJoinedOrCreated()
    {
        await using var run = await RelationImport.CreateAsync();

        var report = await run.CsvAsync("scdl-subsidies", "dep69_conventions_2018.csv", Scdl);
        var funds = await FundsAsync(run, "insee:authority:D69");

        // Four grants, and the three themes their purposes and names give the two beneficiaries that are not public bodies.
        Assert.Equal((6L, 7L, 2L), (report.RowsRead, report.LinksWritten, report.RowsRejected));
        Assert.Equal(
            [(6, "amount 'NC' is not a number"), (7, "no beneficiary: neither a name nor a SIRET (a total, or a grant whose beneficiary was not published)")],
            report.RejectedRows.Select(r => ((int)r.Row, r.Reason)));
        Assert.Equal(
            [
                ("siren:343560405", 12_000m, 2017, "2017-03-01", Instrument.Subsidy),
                ("siren:343560405", 12_500m, 2018, "2018-03-01", Instrument.Subsidy),
                ("insee:authority:69266", 40_000m, 2018, "2018-05-04", Instrument.CallForProjects),
                ("siren:443061841", 7_500.5m, 2018, "2018-05-04", Instrument.Subsidy),
            ],
            funds.Select(l => (l.TargetId, l.Amount!.Value, l.Year!.Value, l.Since!.Value.ToString("yyyy-MM-dd"), l.Instrument!.Value)));
        // The association the SIAE file wrote keeps its kind and form; the unknown company is created as an organisation.
        await run.NodeAsync<SseActor>("siren:343560405");
        var company = await run.NodeAsync<Organisation>("siren:443061841");
        Assert.Equal(("TRANSDEV RHONE", "443061841"), (company.Name, company.Siren));
        Assert.Equal(1, report.Matches["beneficiary: commune by SIREN"]);
    }

    private static async Task<(long Nodes, long Links)> CountsAsync(IGraphStore store) =>
        await store.CountAsync(Viewer.Everything, Ct) is var c ? (c.Nodes, c.Links) : default;

    [Fact]
    public async Task ImportingTheSameFileAgain_ChangesNothing()
    {
        await using var run = await RelationImport.CreateAsync();
        await run.CsvAsync("scdl-subsidies", "dep69_conventions_2018.csv", Scdl);
        var counts = await run.Store.CountAsync(Viewer.Everything, Ct);
        var before = await FundsAsync(run, "insee:authority:D69");

        var again = await run.CsvAsync("scdl-subsidies", "dep69_conventions_2018.csv", Scdl, await run.Importer.CreateContextAsync(Ct));

        var funds = await FundsAsync(run, "insee:authority:D69");

        Assert.Equal((counts.Nodes, counts.Links), await CountsAsync(run.Store));
        Assert.Equal(7, again.LinksWritten);
        Assert.Equal(before, funds);
    }

    [Fact]
    public async Task AGrantsPurpose_GivesItsDomain_AndItsBeneficiaryThemes_ElseTheBeneficiarysName()
    {
        await using var run = await RelationImport.CreateAsync();

        var report = await run.CsvAsync("scdl-subsidies", "dep69_conventions_2018.csv", Scdl);
        var funds = await FundsAsync(run, "insee:authority:D69");

        // "Fonctionnement" says nothing: the association's name does ("Jardins"); "Transport scolaire" weighs more for
        // transport (an entry of two words) than "scolaire" alone for schools.
        Assert.Equal(
            [
                ("siren:343560405", PolicyDomain.Environment),
                ("siren:343560405", PolicyDomain.Environment),
                ("insee:authority:69266", PolicyDomain.Transport),
                ("siren:443061841", PolicyDomain.Transport),
            ],
            funds.Select(l => (l.TargetId, l.Domain!.Value)));
        Assert.Equal(["theme:fr:environnement"], await run.OutAsync("siren:343560405", LinkType.WorksOn));
        Assert.Equal(["theme:fr:ecole", "theme:fr:mobilite"], (await run.OutAsync("siren:443061841", LinkType.WorksOn)).Order(StringComparer.Ordinal));
        // A commune funded for mobility does not become a mobility actor: public bodies take no theme from a grant.
        Assert.Empty(await run.OutAsync("insee:authority:69266", LinkType.WorksOn));
        var theme = await run.NodeAsync<Theme>("theme:fr:mobilite");
        Assert.Equal(("Transport et mobilité", PolicyDomain.Transport), (theme.Name, theme.Domain));
        Assert.Equal((2L, 2L), (report.Matches["purpose: classified by its purpose"], report.Matches["purpose: classified by its beneficiary's name"]));
    }

    [Fact]
    public async Task TheOlderLayout_ReadsFloatSirets_AndAFileOfGrantsToAssociationsCreatesAssociations()
    {
        await using var run = await RelationImport.CreateAsync();

        var report = await run.CsvAsync("scdl-subsidies", "com_lyon_subventions_associations_2017.csv", OldLayout);

        var link = Assert.Single(await FundsAsync(run, "insee:authority:69123"));
        var association = await run.NodeAsync<SseActor>("siren:450324660");
        Assert.Equal((10_000m, 2016, "Fête de quartier"), (link.Amount!.Value, link.Year!.Value, link.Note));
        Assert.Equal(LegalForm.Association, association.LegalForm);
        Assert.Equal("2017", report.Vintage);
    }

    [Fact]
    public async Task UnquotedDecimalCommas_AreRepairedByTheDocumentedRule_OrTheRowIsRefusedWithItsLine()
    {
        await using var run = await RelationImport.CreateAsync();

        var report = await run.CsvAsync("scdl-subsidies", "dep69_conventions_201901.csv", UnquotedCommas);
        var funds = await FundsAsync(run, "insee:authority:D69");

        Assert.DoesNotContain(report.RejectedRows, r => r.Row != 4);
        Assert.Equal([58_400m, 1_200m], funds.Select(l => l.Amount!.Value).Order().Reverse());
        // The cells split at the purpose's comma are joined again with a comma and a space, as French writes it.
        Assert.Contains(funds, l => l.Note == "Courses, stages et matériel");
        Assert.Equal(2, report.Matches["row repaired: separator inside values, realigned on the amount"]);
        var refused = Assert.Single(report.RejectedRows);
        Assert.Equal(4, refused.Row);
        Assert.StartsWith("13 cells for 11 columns", refused.Reason, StringComparison.Ordinal);
    }
}
