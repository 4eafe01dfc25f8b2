
namespace CoopGraph.Graph.Access;

/// <summary>Registered GraphQL documents, for partners whose keys may only run those.</summary>
public interface ITrustedDocumentStore
{
    /// <summary>Registers documents (idempotently) and returns their ids, in order.</summary>
    Task<IReadOnlyList<string>> RegisterAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken);

    /// <summary>The text of a registered document, or null.</summary>
    Task<string?> FindAsync(string documentId, CancellationToken cancellationToken);
}
