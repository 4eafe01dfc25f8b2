using CoopGraph.Domain.Model;
using System.Text;
using CoopGraph.Domain.Generation;
using CoopGraph.Graph.Interchange;
using CoopGraph.Tests.Shared;

namespace CoopGraph.Graph.Tests;

public sealed class ImportRunnerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static string Generated()
    {
        using var buffer = new MemoryStream();
        using (var writer = new NdjsonGraphWriter(buffer))
        {
            new GraphGenerator(GeneratorScale.Demo).Generate(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public async Task AGeneratedGraph_ImportsWhole_AndASecondImportChangesNothing()
    {
        await using var temp = await TempStore.CreateAsync();
        var expected = new GraphCollector();
        new GraphGenerator(GeneratorScale.Demo).Generate(expected);
        var text = Generated();

        var first = await new ImportRunner(temp.Store).RunAsync(new StringReader(text), null, Ct);
        var counts = await temp.Store.CountAsync(Viewer.Everything, Ct);
        var second = await new ImportRunner(temp.Store).RunAsync(new StringReader(text), null, Ct);
        var again = await temp.Store.CountAsync(Viewer.Everything, Ct);

        Assert.True(first.Completed);
        Assert.Equal(0, first.Rejected);
        Assert.Equal((expected.Nodes.Count, expected.Links.Count), ((int)counts.Nodes, (int)counts.Links));
        Assert.Equal((counts.Nodes, counts.Links), (again.Nodes, again.Links));
        Assert.Equal(first.NodesWritten, second.NodesWritten);
    }

    [Fact]
    public async Task BadLines_AreReportedWithTheirNumbers_AndTheRestIsWritten()
    {
        await using var temp = await TempStore.CreateAsync();
        var lines = new[]
        {
            """{"op":"node","kind":"THEME","id":"t1","name":"Theme one","domain":"CULTURE"}""",
            """not json""",
            """{"op":"node","kind":"DRAGON","id":"d","name":"Dragon"}""",
            """{"op":"node","kind":"SSE_ACTOR","id":"a1","name":"Actor","legalForm":"ASSOCIATION","themeIds":["t1"]}""",
            """{"op":"link","type":"COOPERATES_WITH","sourceId":"a1","targetId":"nobody"}""",
            "",
            """{"op":"node","kind":"SERVICE","id":"s1","name":"Orphan service","domain":"SOCIAL"}""",
            """{"op":"node","kind":"SSE_ACTOR","id":"a2","name":"Actor two","legalForm":"COOPERATIVE"}""",
            """{"op":"link","type":"COOPERATES_WITH","sourceId":"a1","targetId":"a2","intensity":9}""",
            """{"op":"link","type":"COOPERATES_WITH","sourceId":"a2","targetId":"a1","intensity":3}""",
        };

        var report = await new ImportRunner(temp.Store).RunAsync(new StringReader(string.Join('\n', lines)), null, Ct);

        Assert.Equal([2L, 3L, 5L, 7L, 9L], report.RejectedLines.Select(r => r.Line));
        Assert.Equal((3L, 1L), (report.NodesWritten, report.LinksWritten));
        var written = await temp.Store.GetNodesAsync(Viewer.Everything, ["t1", "a1", "a2", "s1", "d"], Ct);
        Assert.Equal(["a1", "a2", "t1"], written.Select(n => n.Id).Order());
        Assert.Contains("intensity", report.RejectedLines.Single(r => r.Line == 9).Reason);
    }

    [Fact]
    public async Task ImportLines_AreCheckedLikeMutationInputs()
    {
        await using var temp = await TempStore.CreateAsync();
        var lines = new[]
        {
            """{"op":"node","kind":"SSE_ACTOR","id":"x","name":"X","legalForm":"ASSOCIATION","domain":"SOCIAL"}""",
            """{"op":"node","kind":"THEME","id":"t","name":"T"}""",
            """{"op":"node","kind":"THEME","id":"t2","name":"T2","domain":"HOUSING","unknownField":42}""",
        };

        var report = await new ImportRunner(temp.Store).RunAsync(new StringReader(string.Join('\n', lines)), null, Ct);

        Assert.Contains("does not apply to a SSE_ACTOR", report.RejectedLines.Single(r => r.Line == 1).Reason);
        Assert.Contains("'domain' is required", report.RejectedLines.Single(r => r.Line == 2).Reason);
        Assert.Equal(1, report.NodesWritten);
    }

    [Fact]
    public async Task AnExport_ImportsBackIntoAnEmptyStore_Identically()
    {
        await using var source = await TempStore.CreateAsync(seedDemo: true);
        await using var target = await TempStore.CreateAsync();
        using var buffer = new MemoryStream();
        using (var writer = new NdjsonGraphWriter(buffer))
        {
            await source.Store.ExportAsync(Viewer.Everything, writer, Ct);
        }

        var report = await new ImportRunner(target.Store).RunAsync(new StringReader(Encoding.UTF8.GetString(buffer.ToArray())), null, Ct);

        Assert.Equal(0, report.Rejected);
        var (from, to) = (new GraphCollector(), new GraphCollector());
        await source.Store.ExportAsync(Viewer.Everything, from, Ct);
        await target.Store.ExportAsync(Viewer.Everything, to, Ct);
        Assert.Equal(from.Nodes.Select(n => n with { CreatedAt = default, UpdatedAt = default }).OrderBy(n => n.Id).Select(n => n.ToString()),
            to.Nodes.Select(n => n with { CreatedAt = default, UpdatedAt = default }).OrderBy(n => n.Id).Select(n => n.ToString()));
        Assert.Equal(from.Links.Select(l => l.Id).Order(), to.Links.Select(l => l.Id).Order());
    }
}
