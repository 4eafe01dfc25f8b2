using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.Options;
using CoopGraph.Graph.Access;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Http;

/// <summary>
/// Turns a request's <c>documentId</c> ("sha256:&lt;hex&gt;") into the registered text, checks a query sent with
/// it against the id, and tells whether a plain query happens to be a registered document.
/// </summary>
public sealed class TrustedDocuments(ITrustedDocumentStore store, IOptions<TrustedDocumentsOptions> options)
{
    public const string NotFound = "PERSISTED_DOCUMENT_NOT_FOUND";

    public bool Enforced => options.Value.Enforce;

    public async Task<ResolvedDocument> ResolveAsync(GraphQLRequest request, CancellationToken cancellationToken)
    {
        if (request.DocumentId is not { } id)
        {
            // Whether a plain query is registered matters only for trusted-only keys: asked later, when it matters.
            return new ResolvedDocument(request.Query, Registered: false);
        }
        if (!TrustedDocumentIds.IsWellFormed(id))
        {
            return new ResolvedDocument(null, false, ErrorCodes.BadRequest, "'documentId' must be \"sha256:\" followed by 64 hexadecimal digits.");
        }
        if (request.Query is { } query && TrustedDocumentIds.Of(query) != id)
        {
            return new ResolvedDocument(null, false, ErrorCodes.BadRequest, "'query' does not match 'documentId'.");
        }
        var text = await store.FindAsync(id, cancellationToken);
        return text is null
            ? new ResolvedDocument(null, false, NotFound, $"No registered document has id '{id}'.")
            : new ResolvedDocument(text, true);
    }

    public async Task<bool> IsRegisteredAsync(string query, CancellationToken cancellationToken) =>
        await store.FindAsync(TrustedDocumentIds.Of(query), cancellationToken) is not null;
}
