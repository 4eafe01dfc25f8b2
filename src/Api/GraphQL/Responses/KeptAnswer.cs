namespace CoopGraph.Api.GraphQL.Responses;

/// <summary>
/// An answer the <see cref="ResponseCache"/> holds: its bytes, and what it read of the graph (see <see cref="ReadSet"/>).
/// An answer that read a listing keeps no keys: any change drops it.
/// </summary>
internal sealed record KeptAnswer(byte[] Body, string[] Nodes, string[] Links, string[] Ends, bool ReadEverything)
{
    public static KeptAnswer Of(byte[] body, ReadSet reads)
    {
        if (reads.Everything)
        {
            return new KeptAnswer(body, [], [], [], ReadEverything: true);
        }
        var (nodes, links, ends) = reads.Keys();
        return new KeptAnswer(body, nodes, links, ends, ReadEverything: false);
    }

    /// <summary>What the answer and its entries in the cache's index take, roughly, in bytes.</summary>
    public long Size(string key) => key.Length * 2L + Body.Length + 64L * (Nodes.Length + Links.Length + Ends.Length);
}
