using System.Threading.Channels;
using CoopGraph.Domain.Validation;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph.Embedded;
using CoopGraph.Graph.Interchange;
using CoopGraph.Graph.Writes;

using static CoopGraph.Graph.Tests.TestItems;

namespace CoopGraph.Graph.Tests;

/// <summary>The parts of an import, each alone: the CSV reader, the batcher, the narrowing policy, the runner's counts, the bulk load.</summary>
public sealed class ImportPartsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static ImportLine NodeLine(long number, string id) => new(number, Node: Theme(id) with { Path = ["line", number] });

    [Fact]
    public void CsvRows_BecomeImportLines_NumberedAsTheFilesLines()
    {
        var lines = CsvImport.Lines(new StringReader("id,name,domain,themeIds\nt1,Jeunesse,YOUTH,\n\nt2,Logement,NOWHERE,\n"), "THEME").ToList();

        Assert.Equal([1L, 2, 3, 4], lines.Select(l => l.Number));
        Assert.True(lines[0].IsBlank);
        Assert.Equal("t1", lines[1].Node!.Node.Id);
        Assert.True(lines[2].IsBlank);
        Assert.Contains("NOWHERE", lines[3].Problem);
    }

    [Fact]
    public async Task TheBatcher_CutsAtTheBatchSize_AndBetweenUpsertsAndDeletes_AndCarriesProblems()
    {
        var channel = Channel.CreateUnbounded<ParsedBatch>();
        var batcher = new ImportBatcher(channel.Writer);
        for (var i = 1; i <= ImportRunner.BatchSize + 2; i++)
        {
            batcher.Add(NodeLine(i, $"t{i}"));
        }
        batcher.Add(new ImportLine(ImportRunner.BatchSize + 3, Problem: "unreadable"));
        batcher.Add(new ImportLine(ImportRunner.BatchSize + 4, NodeDelete: new ItemDelete("t1", ["line", 0])));
        batcher.Add(new ImportLine(ImportRunner.BatchSize + 5));
        await batcher.FinishAsync(ImportRunner.BatchSize + 5, Ct);
        channel.Writer.Complete();

        var batches = await channel.Reader.ReadAllAsync(Ct).ToListAsync(Ct);

        Assert.Equal([ImportRunner.BatchSize, 2, 1], batches.Select(b => b.Lines.Count));
        Assert.Equal([(long)ImportRunner.BatchSize, ImportRunner.BatchSize + 3, ImportRunner.BatchSize + 5], batches.Select(b => b.LinesRead));
        Assert.Equal("unreadable", Assert.Single(batches[1].Problems).Reason);
        Assert.NotNull(batches[2].Lines[0].NodeDelete);
    }

    [Fact]
    public void Narrowing_DropsTheLinesNamed_DuplicatesLast_AndRefusesWhatItCannotPlace()
    {
        List<ImportLine> lines = [NodeLine(1, "a"), NodeLine(2, "b"), NodeLine(3, "c")];
        var rejected = new List<RejectedLine>();

        var kept = BatchNarrowing.Narrow(lines,
            [new UserError(UserErrorCodes.NotFound, "no b", ["line", 2L]), new UserError(UserErrorCodes.Duplicate, "c again", ["line", 3L])], 0, rejected);
        var whole = new List<RejectedLine>();
        var none = BatchNarrowing.Narrow(lines, [new UserError(UserErrorCodes.Constraint, "somewhere", [])], 0, whole);

        Assert.Equal(["a", "c"], kept.Select(l => l.Node!.Node.Id));
        Assert.Equal(2, Assert.Single(rejected).Line);
        Assert.Empty(none);
        Assert.Equal([1L, 2, 3], whole.Select(r => r.Line));
        Assert.All(whole, r => Assert.Equal("somewhere", r.Reason));
    }

    [Fact]
    public async Task ASecondRunOfOneRunner_CountsFromZero()
    {
        await using var temp = await TempStore.CreateAsync();
        var runner = new ImportRunner(temp.Store);
        const string Text = """{"op":"node","kind":"THEME","id":"t1","name":"Jeunesse","domain":"YOUTH"}""" + "\nnot json\n";

        var first = await runner.RunAsync(new StringReader(Text), null, Ct);
        var second = await runner.RunAsync(new StringReader(Text), null, Ct);

        Assert.Equal((1L, 1L, 1), (first.NodesWritten, first.Rejected, first.RejectedLines.Count));
        Assert.Equal((1L, 1L, 1), (second.NodesWritten, second.Rejected, second.RejectedLines.Count));
    }

    [Fact]
    public async Task AStoreWrappingAnother_PassesItsBulkLoadOn_SoBatchesAreStillCheckedAhead()
    {
        await using var temp = await TempStore.CreateAsync();
        IGraphStore wrapper = new GatedExportStore(temp.Store);

        await using var load = await wrapper.BeginBulkLoadAsync(Ct);
        var prepared = await load.PrepareAsync(new GraphBatch { Nodes = [Theme("t1")] }, Ct);

        Assert.IsType<CheckedAheadWrite>(prepared);
        Assert.True((await load.WriteAsync(prepared, Ct)).Succeeded);
    }

    [Fact]
    public async Task AStoreThatChecksNothingAhead_WritesEachBatchAsAPlainWrite()
    {
        await using var temp = await TempStore.CreateAsync();
        await using var load = new CheckedWhenWrittenLoad(temp.Store);

        var good = await load.PrepareAsync(new GraphBatch { Nodes = [Theme("t1")] }, Ct);
        var bad = await load.PrepareAsync(new GraphBatch { Nodes = [Actor("a1", "nowhere")] }, Ct);

        Assert.IsType<PreparedWrite.CheckedWhenWritten>(good);
        Assert.True((await load.WriteAsync(good, Ct)).Succeeded);
        Assert.Equal(UserErrorCodes.NotFound, Assert.Single((await load.WriteAsync(bad, Ct)).Errors).Code);
        await Assert.ThrowsAsync<ArgumentException>(() => load.WriteAsync(new PreparedWrite.Refused(bad.Batch, []), Ct));
    }
}
