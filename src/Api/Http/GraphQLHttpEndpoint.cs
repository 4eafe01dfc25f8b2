using CoopGraph.Api.Authentication;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.Options;
using CoopGraph.Api.Protection;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Serilog;

namespace CoopGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec), written here because the GraphQL.Server packages are
/// not obtainable: media-type negotiation, the spec's status codes, GET for queries only.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public static async Task HandleAsync(
        HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IDiagnosticContext diagnostics,
        Microsoft.Extensions.Options.IOptions<QueryLimitsOptions> limitOptions, OperationAccess access, TrustedDocuments trusted,
        Microsoft.Extensions.Options.IOptions<AccessOptions> accessOptions, Microsoft.Extensions.Options.IOptions<ExplorerOptions> explorerOptions,
        GraphQL.Documents.DocumentCache documents, GraphQL.Responses.ResponseCache responses, Graph.IGraphStore store,
        GraphQL.Direct.DirectExecuter direct)
    {
        if (ExplorerPages.WantsGraphiQL(http.Request))
        {
            await ExplorerPages.WriteGraphiQLAsync(http, explorerOptions.Value);
            return;
        }
        var cancellationToken = http.RequestAborted;
        var limits = limitOptions.Value;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxBodyBytes;
        }
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteProblemAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.", cancellationToken);
            return;
        }

        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (isGet && accessOptions.Value.RequirePreflightOnGet && !http.Request.Headers.ContainsKey("GraphQL-Require-Preflight"))
        {
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, mediaType, "GET requests must carry a GraphQL-Require-Preflight header.", cancellationToken);
            return;
        }
        ReadRequest read;
        try
        {
            read = isGet
                ? GraphQLRequestReader.ReadGet(http.Request, serializer)
                : await GraphQLRequestReader.ReadPostAsync(http.Request, serializer, limits.MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteProblemAsync(http, StatusCodes.Status413PayloadTooLarge, mediaType, $"The request body is larger than {limits.MaxBodyBytes} bytes.", cancellationToken);
            return;
        }
        if (read.Request is not { } request)
        {
            await WriteProblemAsync(http, read.Status, mediaType, read.Problem!, cancellationToken);
            return;
        }
        var resolved = await trusted.ResolveAsync(request, cancellationToken);
        if (resolved.Problem is { } unresolved)
        {
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, mediaType, unresolved, cancellationToken, resolved.Code!);
            return;
        }
        request.Query = resolved.Query;
        // A text the document cache holds passed these limits when it was first run: only a new text is lexed.
        var cached = documents.Find(request.Query!, out var costVaries);
        if (cached is null && QueryTextLimits.Check(request.Query!, limits) is { } tooLarge)
        {
            await WriteProblemAsync(http, mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
                mediaType, tooLarge, cancellationToken, ErrorCodes.QueryTooComplex);
            return;
        }
        diagnostics.Set("OperationName", request.OperationName ?? "(anonymous)");

        var options = new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = cancellationToken,
        };
        var document = cached ?? ParsedQuery(request);
        // The operation the request runs, found once: whether it writes, subscribes, or may be answered from the cache.
        var operation = document is null ? null : Selected(document, request.OperationName);
        var isMutation = operation?.Operation is OperationType.Mutation;
        if (operation?.Operation is OperationType.Subscription)
        {
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, mediaType,
                $"Subscriptions are served as Server-Sent Events: POST them to {GraphQLStreamEndpoint.Path} with Accept: {GraphQLStreamEndpoint.EventStream}.", cancellationToken);
            return;
        }
        if (isGet && isMutation)
        {
            http.Response.Headers.Allow = "POST";
            await WriteProblemAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations must be sent with POST.", cancellationToken);
            return;
        }
        if (http.User.Invitation() is not null)
        {
            // A respondent: its token grants no scope, only its own form; the form's resolvers check the rest.
            if (document is not null && SurveyConfinement.Check(document, request.OperationName) is { } outside)
            {
                await WriteProblemAsync(http, StatusCodes.Status403Forbidden, mediaType, outside, cancellationToken, ErrorCodes.Forbidden);
                return;
            }
        }
        else if (await access.CheckAsync(http, isMutation ? Graph.Access.ApiScopes.Write : Graph.Access.ApiScopes.Read) is { } refused)
        {
            await WriteProblemAsync(http, refused.Status, mediaType, refused.Message, cancellationToken, refused.Code);
            return;
        }
        if (http.User.RunsTrustedDocumentsOnly() && trusted.Enforced && !resolved.Registered
            && !await trusted.IsRegisteredAsync(request.Query!, cancellationToken))
        {
            await WriteProblemAsync(http, StatusCodes.Status403Forbidden, mediaType, $"The key '{http.User.Identity!.Name}' may only run registered documents.", cancellationToken, ErrorCodes.Forbidden);
            return;
        }
        // The key's name, never the key, goes into the request log.
        diagnostics.Set("ApiKey", http.User.IsKeyHolder() ? http.User.Identity!.Name : "(anonymous)");
        // Parsed once: the executer reuses the document.
        options.Document = document;
        var reader = http.RequestServices.GetRequiredService<GraphQL.Loading.RequestReader>();
        if (isMutation || document is null)
        {
            reader.ForWrites();
        }

        // An entity read's answer is a function of the store version and the viewer: one already given for this very
        // request at the version current now is sent again as it was.
        // Its reads are pinned to the version read here, before execution, so that even its root fields find the read
        // model already chosen and answer at once.
        var entityRead = http.User.Invitation() is null && GraphQL.Responses.CacheableOperation.Check(operation);
        var version = 0L;
        var key = "";
        GraphQL.Responses.WatchedServices? watched = null;
        GraphQL.Responses.ReadSet? reads = null;
        if (entityRead && (responses.Enabled || reader.Pinnable) && await TryVersionAsync(store, cancellationToken) is { } current)
        {
            version = current;
            if (responses.Enabled)
            {
                key = ResponseKey(http, request, serializer);
                if (responses.TryGet(version, key, out var kept))
                {
                    await WriteCachedAsync(http, mediaType, kept, "hit", cancellationToken);
                    return;
                }
                watched = new GraphQL.Responses.WatchedServices(http.RequestServices);
                options.RequestServices = watched;
                reads = new GraphQL.Responses.ReadSet();
                reader.Record(reads);
            }
            reader.At(version, cancellationToken);
        }

        options.RequestServices = new GraphQL.Loading.KeptReaders(options.RequestServices);

        // An entity read of a document validated before goes to CoopGraph's own executer; anything it does not cover,
        // to GraphQL.NET.
        byte[]? body = null;
        if (cached is not null && direct.Enabled && entityRead)
        {
            body = await direct.TryExecuteAsync(
                new GraphQL.Direct.DirectRequest(cached, operation!, costVaries, request.Variables, options.RequestServices, http.User,
                    Immediate: reader.Immediate is not null), cancellationToken);
        }
        if (body is null)
        {
            var result = await executer.ExecuteAsync(options);
            LogUnhandled(http, result);
            if (watched is null || !result.Executed || result.Errors is { Count: > 0 })
            {
                // application/json keeps 200 for every well-formed request (older clients read errors from the body);
                // application/graphql-response+json says 400 when execution never started.
                http.Response.StatusCode = !result.Executed && mediaType == MediaTypes.GraphQLResponse
                    ? StatusCodes.Status400BadRequest
                    : StatusCodes.Status200OK;
                http.Response.ContentType = mediaType + "; charset=utf-8";
                await serializer.WriteAsync(http.Response.Body, result, cancellationToken);
                return;
            }
            using var buffer = new MemoryStream();
            await serializer.WriteAsync(buffer, result, cancellationToken);
            body = buffer.ToArray();
        }
        // Kept only when it is the answer of that version alone: no error, nothing read beside the graph or of another
        // version, and no write committed while it ran (every write moves the version).
        if (watched is not null && reads is { Keepable: true } && !watched.ReadElsewhere && await TryVersionAsync(store, cancellationToken) == version)
        {
            responses.Add(version, key, body, reads);
            await WriteCachedAsync(http, mediaType, body, "miss", cancellationToken);
            return;
        }
        await WriteBodyAsync(http, mediaType, body, cancellationToken);
    }

    /// <summary>The store's version, or null when the store does not answer: the request then runs as usual, and its
    /// resolvers report the failure the GraphQL way.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Any failure only means no answer is kept; execution reports it.")]
    private static async Task<long?> TryVersionAsync(Graph.IGraphStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetVersionAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Who asks (as far as what they may see), the operation, its variables and its document.</summary>
    private static string ResponseKey(HttpContext http, GraphQLRequest request, IGraphQLTextSerializer serializer) =>
        string.Concat(
            http.User.AsViewer().Key, "\u0001", request.OperationName, "\u0001",
            request.Variables is null ? "" : serializer.Serialize(request.Variables), "\u0001", request.Query);

    /// <summary>An answer without errors, as the spec gives it for both media types; the header says whether it was kept from before.</summary>
    private static Task WriteCachedAsync(HttpContext http, string mediaType, byte[] body, string cache, CancellationToken cancellationToken)
    {
        http.Response.Headers["X-CoopGraph-Cache"] = cache;
        return WriteBodyAsync(http, mediaType, body, cancellationToken);
    }

    /// <summary>An answer without errors, already written as JSON.</summary>
    private static async Task WriteBodyAsync(HttpContext http, string mediaType, byte[] body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, cancellationToken);
    }

    private static void LogUnhandled(HttpContext http, ExecutionResult result)
    {
        if (result.Errors is null)
        {
            return;
        }
        foreach (var error in result.Errors.OfType<global::GraphQL.Execution.UnhandledError>())
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CoopGraph.GraphQL")
                .LogError(error.InnerException ?? error, "Unhandled error in GraphQL operation {OperationName} at {Path}", result.Operation?.Name?.StringValue, error.Path);
        }
    }

    /// <summary>The document, parsed here so that a mutation over GET or without the write scope is refused before anything runs.</summary>
    private static GraphQLDocument? ParsedQuery(GraphQLRequest request)
    {
        try
        {
            return GraphQLParser.Parser.Parse(request.Query!);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            // Syntax errors and nesting past the parser's limit: the executer reports them the usual way.
            return null;
        }
    }

    /// <summary>The operation a request runs: the one named, or the only one.</summary>
    internal static GraphQLOperationDefinition? Selected(GraphQLDocument document, string? operationName)
    {
        // Without LINQ: this runs for every request.
        GraphQLOperationDefinition? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }
            if (operationName is null)
            {
                if (found is not null)
                {
                    // More than one, and none named: the request must say which.
                    return null;
                }
                found = operation;
            }
            else if (operation.Name?.StringValue == operationName)
            {
                return operation;
            }
        }
        return operationName is null ? found : null;
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string mediaType, string message, CancellationToken cancellationToken, string code = ErrorCodes.BadRequest) =>
        ErrorBody.WriteAsync(http.Response, status, code, message, cancellationToken, mediaType);
}
