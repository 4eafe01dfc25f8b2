using System.IO.Compression;
using System.Text;
using CoopGraph.Graph.OpenData.Tables;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>
/// Published files read as tables whatever their format: hand-written fixtures in each format (CSV in both encodings,
/// XLSX and ODS archives written here part by part, JSON layouts), and the one XLS of the shared folder.
/// </summary>
public sealed class TableFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coopgraph-tables-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly Func<IReadOnlyList<string>, bool> HasMontant = columns => columns.Contains("montant");

    [Fact]
    public void AWindows1252Csv_IsDecodedAsWindows1252()
    {
        var path = Write("w.csv", TextEncodings.Windows1252.GetBytes("nom;montant\nDépartement de la Nièvre;17833\n"));

        using var opened = TableFiles.Open(path, HasMontant);
        var row = Assert.Single(opened.Table.Records());

        Assert.Equal("Département de la Nièvre", row["nom"]);
        Assert.Equal("CSV, windows-1252", opened.Format);
    }

    [Fact]
    public void AWindows1252CsvBehindAUtf8Bom_LosesTheBom_AndKeepsItsAccents()
    {
        var path = Write("s.csv", [0xEF, 0xBB, 0xBF, .. TextEncodings.Windows1252.GetBytes("nomAttribuant;montant\nDépartement de la Somme;26 956,00\n")]);

        using var opened = TableFiles.Open(path, HasMontant);
        var row = Assert.Single(opened.Table.Records());

        Assert.Equal(["nomAttribuant", "montant"], opened.Table.Columns);
        Assert.Equal(("Département de la Somme", "26 956,00"), (row["nomAttribuant"], row["montant"]));
    }

    [Fact]
    public void ACsvWhoseLinesMixEncodings_IsDecodedLineByLine()
    {
        var path = Write("m.csv", [
            .. TextEncodings.Windows1252.GetBytes("nom;montant\nVendée Habitat;100\n"),
            .. Encoding.UTF8.GetBytes("Comité des fêtes;200\n")]);

        using var opened = TableFiles.Open(path, HasMontant);

        Assert.Equal(["Vendée Habitat", "Comité des fêtes"], opened.Table.Records().Select(r => r["nom"]));
        Assert.Equal("CSV, windows-1252 with utf-8 lines", opened.Format);
    }

    [Fact]
    public void AUtf8Csv_IsUtf8_AndARowWithMoreCellsThanTheHeader_KeepsThemInOrder()
    {
        var path = Write("v.csv", Encoding.UTF8.GetBytes("nom,montant,nature\nVendée,24975,00,aide en numéraire\n"));

        using var opened = TableFiles.Open(path, HasMontant);
        var row = Assert.Single(opened.Table.Records());

        Assert.Equal("CSV, utf-8", opened.Format);
        Assert.Equal(["Vendée", "24975", "00", "aide en numéraire"], row.MisalignedCells);
    }

    [Fact]
    public void AnOdsSheet_FindsItsHeaderBelowATitle_ExpandsRepeats_AndNumbersRowsAsTheSheetDoes()
    {
        const string content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
            <table:table table:name="à publier">
            <table:table-row><table:table-cell office:value-type="string"><text:p>Conventions signées</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>NOM</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>montant</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>date</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>nature</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>La<text:s text:c="2"/>Bressola</text:p><text:p>Perpignan</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="40000"><text:p>40 000,00</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2017-10-23T00:00:00"><text:p>23/10/17</text:p></table:table-cell><table:table-cell office:value-type="string" table:number-columns-repeated="1"><text:p>numéraire</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16380"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>
            """;
        var path = Write("p.ods", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content)));

        using var opened = TableFiles.Open(path, HasMontant);
        var row = Assert.Single(opened.Table.Records());

        Assert.Equal("ODS, sheet 'à publier'", opened.Format);
        Assert.Equal(["NOM", "montant", "date", "nature"], opened.Table.Columns);
        Assert.Equal(5, row.Row);
        Assert.Equal(("La  Bressola\nPerpignan", "40000", "2017-10-23", "numéraire"), (row["NOM"], row["montant"], row["date"], row["nature"]));
    }

    [Fact]
    public void AnXlsxWorkbook_SkipsADictionarySheet_AndReadsTheSheetWhoseHeaderIsKnown()
    {
        var path = Write("w.xlsx", Zip(
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="infos" sheetId="1" r:id="rId1"/><sheet name="Projets" sheetId="2" r:id="rId2"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>
                """),
            ("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>variable</t></is></c><c r="B1" t="inlineStr"><is><t>définition</t></is></c></row></sheetData></worksheet>
                """),
            ("xl/worksheets/sheet2.xml", """
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id_terr</t></is></c><c r="B1" t="inlineStr"><is><t>montant</t></is></c></row><row r="2"><c r="A2"><v>22100005200011</v></c><c r="B2"><v>1250.5</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>01004</t></is></c><c r="B4"><v>600</v></c></row></sheetData></worksheet>
                """)));

        using var opened = TableFiles.Open(path, HasMontant);
        var rows = opened.Table.Records().ToList();

        Assert.Equal("XLSX, sheet 'Projets'", opened.Format);
        Assert.Equal([(2L, "22100005200011", "1250.5"), (4L, "01004", "600")], rows.Select(r => (r.Row, r["id_terr"], r["montant"])));
    }

    [Fact]
    public void JsonRecords_AreFlattened_InEveryPublishedLayout()
    {
        var decp = Write("decp.json", Encoding.UTF8.GetBytes("""
            {"marches":[{"id":"m1","acheteur":{"id":"21860194600013","nom":"Ville"},"montant":153900,"titulaires":[{"id":"85480074501125"},{"id":"44306184100047"}]}]}
            """));
        var ods = Write("ods.json", Encoding.UTF8.GetBytes("""
            [{"links":[],"record":{"id":"x","fields":{"uai":"0440001A","secteur":"public"}}}]
            """));
        var schema = Write("schema.json", Encoding.UTF8.GetBytes("""{"$schema":"http://json-schema.org/draft-07/schema#","properties":{}}"""));

        using var contracts = TableFiles.Open(decp, _ => false);
        using var lycees = TableFiles.Open(ods, _ => false);
        var contract = Assert.Single(contracts.Table.Records());
        var lycee = Assert.Single(lycees.Table.Records());

        Assert.Equal(("21860194600013", "153900", "44306184100047"), (contract["acheteur.id"], contract["montant"], contract["titulaires.1.id"]));
        Assert.Equal(("0440001A", "public"), (lycee["uai"], lycee["secteur"]));
        Assert.Equal((false, "a schema describing files, not data"), LeftOut(schema));
        Assert.Equal((true, null), LeftOut(decp));
        Assert.NotNull(LeftOut(Write("example_v2.json", Encoding.UTF8.GetBytes("""{"marches":[{"id":"1"}]}"""))).Reason);
    }

    [SharedDataFact]
    public void ThePublishedXls_IsRead()
    {
        var path = Path.Combine(SharedData.Folder(), "relations", "subsidies", "opendatafrance_samples_2018", "dep79_deux_sevres_conventions.xls");

        using var opened = TableFiles.Open(path, columns => columns.Contains("Nom attributaire"));
        var rows = opened.Table.Records().ToList();

        Assert.Equal("XLS, sheet 'Rapport 1'", opened.Format);
        Assert.Equal(467, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r["Nom attributaire"]));
    }

    /// <summary>Whether a file opens as a table, and why it is left out when it is.</summary>
    private static (bool Opened, string? Reason) LeftOut(string path)
    {
        var (table, reason) = TableFiles.OpenOrLeaveOut(path, _ => false);
        table?.Dispose();
        return (table is not null, reason);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }
}
