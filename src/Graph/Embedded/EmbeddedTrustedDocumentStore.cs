using CoopGraph.Graph.Access;

namespace CoopGraph.Graph.Embedded;

public sealed class EmbeddedTrustedDocumentStore(EmbeddedGraphStore graph, TimeProvider time) : ITrustedDocumentStore
{
    public async Task<IReadOnlyList<string>> RegisterAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<string>(documents.Count);
        foreach (var document in documents)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
            command.CommandText = "INSERT INTO trusted_documents (id, document, created_at) VALUES (@id, @document, @now) ON CONFLICT (id) DO NOTHING";
            var id = TrustedDocumentIds.Of(document);
            command.Add("@id", id);
            command.Add("@document", document);
            command.Add("@now", SqlValues.Instant(time.GetUtcNow()));
            await command.ExecuteNonQueryAsync(cancellationToken);
            ids.Add(id);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    public async Task<string?> FindAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await graph.Connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM trusted_documents WHERE id = @id";
        command.Add("@id", documentId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
