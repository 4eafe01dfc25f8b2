using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests;

/// <summary>Rows are encoded into pinned chunks that are handed from batch to batch: what is read back is what was written.</summary>
public sealed class EncodedRowsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task BatchesWhoseTextsFillSeveralChunks_AreWrittenExactly_OneAfterAnother()
    {
        await using var temp = await TempStore.CreateAsync();
        // Accented, four-byte and long texts: 3,000 notes of up to 300 characters are well over one 256 KB chunk.
        string Note(int i) => string.Concat(Enumerable.Repeat($"coopération {i} 😀 ", 1 + i % 15));
        var actors = Enumerable.Range(0, 60).Select(i => new NodeUpsert(
            new SseActor { Id = $"a{i}", Name = $"Acteur n°{i} — é", LegalForm = LegalForm.Association, Description = Note(i), Tags = [$"t{i}", "ess"] }, ["nodes", i])).ToList();
        var links = Enumerable.Range(0, 3000).Select(i => new LinkUpsert(
            new Link { Id = $"l{i}", Type = LinkType.Funds, SourceId = "g", TargetId = $"a{i % 60}", Note = Note(i), Year = 2000 + i % 25, Amount = 1000.5m + i },
            true, ["links", i])).ToList();
        var authority = new NodeUpsert(new Authority { Id = "g", Name = "Région", Level = AuthorityLevel.Region }, ["nodes", 60]);

        await using (var load = await temp.Store.BeginBulkLoadAsync(Ct))
        {
            var nodes = await load.PrepareAsync(new GraphBatch { Nodes = [.. actors, authority] }, Ct);
            var first = await load.PrepareAsync(new GraphBatch { Links = links[..1500] }, Ct);
            Assert.True((await load.WriteAsync(nodes, Ct)).Succeeded);
            var second = await load.PrepareAsync(new GraphBatch { Links = links[1500..] }, Ct);
            Assert.True((await load.WriteAsync(first, Ct)).Succeeded);
            Assert.True((await load.WriteAsync(second, Ct)).Succeeded);
        }
        // And through a plain write, which encodes on the writing thread with the same pooled memory.
        Assert.True((await temp.Store.WriteAsync(new GraphBatch { Links = [links[0] with { Link = links[0].Link with { Note = "changée" } }] }, Ct)).Succeeded);

        var read = (await temp.Store.GetLinksAsync(Viewer.Everything, links.Select(l => l.Link.Id).ToList(), Ct)).ToDictionary(l => l.Id);
        Assert.Equal(3000, read.Count);
        Assert.All(links.Skip(1), l => Assert.Equal(l.Link with { Amount = l.Link.Amount }, read[l.Link.Id]));
        Assert.Equal("changée", read["l0"].Note);
        var nodesRead = (await temp.Store.GetNodesAsync(Viewer.Everything, actors.Select(a => a.Node.Id).ToList(), Ct)).ToDictionary(n => n.Id);
        Assert.All(actors, a => Assert.Equal(
            (a.Node.Name, a.Node.Description, string.Join("|", a.Node.Tags)),
            (nodesRead[a.Node.Id].Name, nodesRead[a.Node.Id].Description, string.Join("|", nodesRead[a.Node.Id].Tags))));
    }
}
