using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.Authentication;
using CoopGraph.Graph.Access;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Access;

/// <summary>Registration of trusted documents, for administrators.</summary>
public static class TrustedDocumentRootFields
{
    public const int MaxDocuments = 100;

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("registerTrustedDocuments")
            .Description($"Registers GraphQL documents (at most {MaxDocuments}) and returns their ids, \"sha256:<hex>\" of each text. " +
                "A request may then send {\"documentId\": id} instead of the query; keys created with --trusted-only may run nothing else. Needs the admin scope.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("documents", "The documents' texts.")
            .ResolveAsync(async c =>
            {
                if (c.User is not { } user || !user.HasScope(ApiScopes.Admin))
                {
                    throw new ExecutionError("Registering documents needs a key with the admin scope.") { Code = ErrorCodes.Forbidden };
                }
                var documents = c.GetArgument<List<string>>("documents");
                if (documents.Count > MaxDocuments)
                {
                    throw BadInput.Error($"At most {MaxDocuments} documents a call.");
                }
                for (var i = 0; i < documents.Count; i++)
                {
                    try
                    {
                        GraphQLParser.Parser.Parse(documents[i]);
                    }
                    catch (GraphQLParser.Exceptions.GraphQLParserException e)
                    {
                        throw BadInput.Error($"Document {i} is not valid GraphQL: {e.Message}");
                    }
                }
                return await c.RequestServices!.GetRequiredService<ITrustedDocumentStore>().RegisterAsync(documents, c.CancellationToken);
            });
    }
}
