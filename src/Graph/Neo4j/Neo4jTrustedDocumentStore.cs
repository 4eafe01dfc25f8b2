using CoopGraph.Graph.Access;
using CoopGraph.Graph.Neo4j.QueryApi;
using static CoopGraph.Graph.Neo4j.Neo4jGraphStore;

namespace CoopGraph.Graph.Neo4j;

/// <summary>Registered documents as :TrustedDocument nodes, keyed by their sha256 id; registering twice changes nothing.</summary>
public sealed class Neo4jTrustedDocumentStore(Neo4jQueryClient client, TimeProvider time) : ITrustedDocumentStore
{
    private static readonly CypherStatement Register = CypherStatement.Load("documents-register");
    private static readonly CypherStatement Find = CypherStatement.Load("documents-find");

    public async Task<IReadOnlyList<string>> RegisterAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken)
    {
        var ids = documents.Select(TrustedDocumentIds.Of).ToList();
        var rows = documents.Select((d, i) => Params(("id", ids[i]), ("document", d))).ToList();
        // One statement: all the documents are registered, or none.
        await client.RunAsync(Register, Params(("rows", rows), ("now", PropertyMaps.Param(time.GetUtcNow()))), AccessMode.Write, cancellationToken);
        return ids;
    }

    public async Task<string?> FindAsync(string documentId, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Find, Params(("id", documentId)), AccessMode.Read, cancellationToken);
        return result.Scalar() as string;
    }
}
