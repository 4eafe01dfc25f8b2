using CoopGraph.Domain.Model;
using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.Tests;

public sealed class CsvImportTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task CsvFiles_OfEachKind_ImportLikeTheirNdjsonLines()
    {
        await using var temp = await TempStore.CreateAsync();
        var runner = new ImportRunner(temp.Store);

        var themes = await runner.RunCsvAsync(new StringReader("\uFEFFid;name;domain;extra\nt1;Jeunesse;YOUTH;ignored\nt2;\"Logement; abordable\";HOUSING;\n"), "THEME", null, Ct);
        var actors = await new ImportRunner(temp.Store).RunCsvAsync(new StringReader(
            "id,kind,name,legalForm,themeIds,description\n" +
            "a1,SSE_ACTOR,\"Maison \"\"Quartier\"\"\",ASSOCIATION,t1|t2,\"two\nlines\"\n" +
            "a2,SSE_ACTOR,Sans forme,,t1,\n" +
            "a3,SSE_ACTOR,Coopérative,COOPERATIVE,t2,\n"), null, null, Ct);
        var links = await new ImportRunner(temp.Store).RunCsvAsync(new StringReader(
            "type,sourceId,targetId,kind,intensity,since\nCOOPERATES_WITH,a3,a1,PARTNERSHIP,4,2020-05-01\nCOOPERATES_WITH,a1,a3,PARTNERSHIP,x,\n"), null, null, Ct);

        Assert.Equal((2L, 0L), (themes.NodesWritten, themes.Rejected));
        Assert.Equal("Logement; abordable", (await temp.Store.GetNodesAsync(Viewer.Everything, ["t2"], Ct)).Single().Name);
        var a1 = Assert.IsType<SseActor>((await temp.Store.GetNodesAsync(Viewer.Everything, ["a1"], Ct)).Single());
        Assert.Equal(("Maison \"Quartier\"", "two\nlines"), (a1.Name, a1.Description));
        Assert.Equal(2, (await temp.Store.GetNeighbourIdsAsync(Viewer.Everything, ["a1"], LinkType.WorksOn, LinkDirection.Outgoing, Ct))["a1"].Count);
        Assert.Equal(3, Assert.Single(actors.RejectedLines).Line);
        Assert.Equal(1, links.LinksWritten);
        Assert.Contains("intensity", Assert.Single(links.RejectedLines).Reason);
    }

    [Fact]
    public async Task TheServicesTemplate_ImportsDirectionsAndTheirServices_PrivateToTheAuthority()
    {
        await using var temp = await TempStore.CreateAsync();
        Assert.True((await temp.Store.WriteAsync(new Domain.Writes.GraphBatch
        {
            Nodes = [new Domain.Writes.NodeUpsert(new Authority { Id = "auth:dep-69", Name = "Département du Rhône", Level = AuthorityLevel.Departement }, ["a"])],
        }, Ct)).Succeeded);

        // The rows of the explorer's template, as a manager fills it in.
        var report = await new ImportRunner(temp.Store).RunCsvAsync(new StringReader(
            "id,kind,name,domain,authorityId,directionId,privateTo\r\n" +
            "svc:dep-69-solidarites,SERVICE,Direction des solidarités,SOCIAL,auth:dep-69,,auth:dep-69\r\n" +
            "svc:dep-69-insertion,SERVICE,Service insertion,EMPLOYMENT,auth:dep-69,svc:dep-69-solidarites,auth:dep-69\r\n" +
            "svc:dep-69-nowhere,SERVICE,Service égaré,EMPLOYMENT,auth:dep-69,svc:dep-69-absent,auth:dep-69\r\n"), null, null, Ct);

        Assert.Equal((2L, 1L), (report.NodesWritten, report.Rejected));
        Assert.Contains("svc:dep-69-absent", Assert.Single(report.RejectedLines).Reason);
        var insertion = Assert.IsType<Service>((await temp.Store.GetNodesAsync(Viewer.BoundTo("auth:dep-69"), ["svc:dep-69-insertion"], Ct)).Single());
        Assert.Equal(("svc:dep-69-solidarites", "auth:dep-69"), (insertion.DirectionId, insertion.PrivateTo));
        Assert.Empty(await temp.Store.GetNodesAsync(Viewer.Public, ["svc:dep-69-insertion", "svc:dep-69-solidarites"], Ct));
    }

    [Fact]
    public async Task ACsvFileWithoutItsKeyColumns_IsRefusedNamingThem()
    {
        await using var temp = await TempStore.CreateAsync();

        var error = await Assert.ThrowsAsync<FormatException>(() =>
            new ImportRunner(temp.Store).RunCsvAsync(new StringReader("identifier,label\nx,y\n"), "THEME", null, Ct));

        Assert.Contains("id, name", error.Message);
    }
}
