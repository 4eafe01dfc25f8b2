using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Tests;

/// <summary>The small items the store's write tests build batches from.</summary>
internal static class TestItems
{
    public static NodeUpsert Theme(string id, int index = 0) => new(new Theme { Id = id, Name = id, Domain = PolicyDomain.Culture }, ["nodes", index]);

    /// <summary>An association, working on <paramref name="themes"/> when some are given.</summary>
    public static NodeUpsert Actor(string id, params string[] themes) => ActorAt(id, 0, themes);

    public static NodeUpsert ActorAt(string id, int index, params string[] themes) =>
        new(new SseActor { Id = id, Name = id, LegalForm = LegalForm.Association }, ["nodes", index])
        {
            Relations = themes.Length == 0 ? [] : [new RelationSet(LinkType.WorksOn, "themeIds", themes)],
        };

    public static string Messages(WriteResult result) => string.Join("; ", result.Errors.Select(e => e.Message));

    /// <summary>A link to write, its id given.</summary>
    public static LinkUpsert Upsert(Link link) => new(link, IdWasGiven: true, ["links", 0]);

    /// <summary>Writes the batch, which must succeed.</summary>
    public static async Task WriteAsync(TempStore temp, GraphBatch batch)
    {
        var written = await temp.Store.WriteAsync(batch, CancellationToken.None);
        Assert.True(written.Succeeded, Messages(written));
    }
}
