using CoopGraph.Domain.Model;
using System.Text;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.Tests;

/// <summary>An import read from bytes, as the verb and POST /api/import read it.</summary>
public sealed class NdjsonStreamImportTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<ImportReport> ImportAsync(TempStore temp, params byte[][] lines)
    {
        using var stream = new MemoryStream([.. lines.SelectMany(l => l.Concat("\n"u8.ToArray()))]);
        return await new ImportRunner(temp.Store).RunAsync(stream, null, Ct);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task BadLines_AreRefusedWithTheirReason_AndTheOthersWritten()
    {
        await using var temp = await TempStore.CreateAsync();
        byte[] notUtf8 = [.. Utf8("""{"op":"node","kind":"THEME","id":"t3","name":"Bad """), 0xC3, 0x28, .. Utf8("\",\"domain\":\"CULTURE\"}")];

        var report = await ImportAsync(temp,
            Utf8("""{"op":"node","kind":"THEME","id":"t1","name":"Thème un","domain":"CULTURE"}"""),
            Utf8("""{"op":"node","kind":"THEME","id":"t2","name":"Two","domain":"CULTURE","name":"Again"}"""),
            notUtf8,
            Utf8("""{"op":"node","kind":"AUTHORITY","id":"a1","name":"Big","level":"REGION","population":1e400}"""),
            Utf8("""{"op":"node","kind":"THEME","id":"t4","name":"Four","domain":"CULTURE"} {"op":"node"}"""),
            Utf8("""["op","node"]"""),
            Utf8("""{"op":"node","kind":"THEME","id":"t5","name":"Five","domain":"CULTURE","extra":{"nested":[1,{"deep":true}]}}"""),
            Utf8("""{"op":"node","kind":"THEME","id":"t6","name":{"not":"a name"},"domain":"CULTURE"}"""));

        Assert.Equal(
            [(2L, "'name' is given twice."), (3L, "Not valid UTF-8."), (4L, "A number is beyond the range of a decimal."), (5L, "Not valid JSON."),
                (6L, "A line must be a JSON object."), (8L, "'name' must be a string.")],
            report.RejectedLines.Select(r => (r.Line, r.Reason)));
        var written = await temp.Store.GetNodesAsync(Viewer.Everything, ["t1", "t2", "t3", "t4", "t5", "t6", "a1"], Ct);
        Assert.Equal(["t1", "t5"], written.Select(n => n.Id).Order());
        Assert.Equal("Thème un", written.Single(n => n.Id == "t1").Name);
    }

    [Fact]
    public async Task EscapedText_IsReadAsWritten()
    {
        await using var temp = await TempStore.CreateAsync();

        var report = await ImportAsync(temp,
            Utf8("""{"op":"node","kind":"THEME","id":"t\u0031","name":"Quote \" and \\ and \u00e9 and \ud83d\ude00","domain":"CULTURE","tags":["a\nb"]}"""));

        Assert.Equal(0, report.Rejected);
        var node = Assert.Single(await temp.Store.GetNodesAsync(Viewer.Everything, ["t1"], Ct));
        Assert.Equal("Quote \" and \\ and é and 😀", node.Name);
        Assert.Equal(["a\nb"], node.Tags);
    }

    [Fact]
    public async Task AnEndlessLine_IsRefused_WithoutStoppingTheImport()
    {
        await using var temp = await TempStore.CreateAsync();
        var endless = Utf8("""{"op":"node","kind":"THEME","id":"big","name":" """ + new string('x', Utf8Lines.DefaultMaxLineBytes) + "\",\"domain\":\"CULTURE\"}");

        var report = await ImportAsync(temp,
            endless,
            Utf8("""{"op":"node","kind":"THEME","id":"after","name":"After","domain":"CULTURE"}"""));

        Assert.Equal([1L], report.RejectedLines.Select(r => r.Line));
        Assert.Contains("longer than 16 MB", report.RejectedLines[0].Reason);
        Assert.Equal(["after"], (await temp.Store.GetNodesAsync(Viewer.Everything, ["big", "after"], Ct)).Select(n => n.Id));
    }

    [Fact]
    public async Task EnumValues_AreReadInTheSchemasSpelling_AndTheLooserOnesStillAccepted()
    {
        await using var temp = await TempStore.CreateAsync();

        var report = await ImportAsync(temp,
            Utf8("""{"op":"node","kind":"SSE_ACTOR","id":"a1","name":"A1","legalForm":"ASSOCIATION"}"""),
            Utf8("""{"op":"node","kind":"SSE_ACTOR","id":"a2","name":"A2","legalForm":"cooperative"}"""),
            Utf8("""{"op":"node","kind":"SSE_ACTOR","id":"a3","name":"A3","legalForm":"Mutual"}"""),
            Utf8("""{"op":"node","kind":"SSE_ACTOR","id":"a4","name":"A4","legalForm":"GUILD"}"""),
            Utf8("""{"op":"link","type":"cooperates_with","sourceId":"a1","targetId":"a2"}"""));

        var refused = Assert.Single(report.RejectedLines);
        Assert.Equal(4, refused.Line);
        Assert.Contains("'GUILD' is not a valid legalForm: one of", refused.Reason);
        Assert.Contains("COOPERATIVE", refused.Reason);
        var actors = (await temp.Store.GetNodesAsync(Viewer.Everything, ["a1", "a2", "a3"], Ct)).Cast<Domain.Model.SseActor>().OrderBy(a => a.Id);
        Assert.Equal([Domain.Model.LegalForm.Association, Domain.Model.LegalForm.Cooperative, Domain.Model.LegalForm.Mutual], actors.Select(a => a.LegalForm));
        Assert.Equal(1, report.LinksWritten);
    }
}
