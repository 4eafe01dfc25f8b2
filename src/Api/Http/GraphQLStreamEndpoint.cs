using System.Threading.Channels;
using CoopGraph.Api.Authentication;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.Options;
using CoopGraph.Api.Protection;
using CoopGraph.Api.Streaming;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Serilog;

namespace CoopGraph.Api.Http;

/// <summary>
/// Subscriptions over Server-Sent Events, as the GraphQL-over-SSE protocol's "distinct connections mode" describes:
/// POST /graphql/stream with <c>Accept: text/event-stream</c> and a subscription; each event is <c>event: next</c> with
/// an execution result as data, and the stream ends with <c>event: complete</c> — when the client leaves, after
/// <see cref="StreamOptions.IdleTimeoutSeconds"/> without an event, or when the server shuts down. Comment lines keep a
/// quiet stream open; each key holds at most <see cref="StreamOptions.PerKey"/> streams at once.
/// </summary>
public static class GraphQLStreamEndpoint
{
    public const string Path = "/graphql/stream";
    public const string EventStream = "text/event-stream";

    public static async Task HandleAsync(
        HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IDiagnosticContext diagnostics,
        IOptions<QueryLimitsOptions> limitOptions, IOptions<StreamOptions> streamOptions, OperationAccess access, StreamCounter counter,
        IHostApplicationLifetime lifetime, TimeProvider time)
    {
        var cancellationToken = http.RequestAborted;
        var limits = limitOptions.Value;
        var settings = streamOptions.Value;
        if (!AcceptsEventStream(http.Request.Headers.Accept))
        {
            await ProblemAsync(http, StatusCodes.Status406NotAcceptable, ErrorCodes.BadRequest, $"Accept {EventStream}: this endpoint answers Server-Sent Events.");
            return;
        }
        var read = await GraphQLRequestReader.ReadPostAsync(http.Request, serializer, limits.MaxBodyBytes, cancellationToken);
        if (read.Request is not { } request)
        {
            await ProblemAsync(http, read.Status, ErrorCodes.BadRequest, read.Problem!);
            return;
        }
        if (QueryTextLimits.Check(request.Query!, limits) is { } tooLarge)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.QueryTooComplex, tooLarge);
            return;
        }
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query!);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException e)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.ParseFailed, e.Message);
            return;
        }
        if (!SelectsSubscription(document, request.OperationName))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "Only subscriptions are served here; send queries and mutations to /graphql.");
            return;
        }
        if (await access.CheckAsync(http, Graph.Access.ApiScopes.Read) is { } refused)
        {
            await ProblemAsync(http, refused.Status, refused.Code, refused.Message);
            return;
        }
        var holder = http.User.IsKeyHolder() ? "key:" + http.User.Identity!.Name : "address:" + http.Connection.RemoteIpAddress;
        using var slot = counter.TryOpen(holder, settings.PerKey);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = "60";
            await ProblemAsync(http, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                $"At most {settings.PerKey} streams at once for one key (Api:Streams:PerKey); close one first.");
            return;
        }
        diagnostics.Set("OperationName", request.OperationName ?? "(anonymous)");
        diagnostics.Set("ApiKey", http.User.IsKeyHolder() ? http.User.Identity!.Name : "(anonymous)");

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = cancellationToken,
        });
        if (result.Streams is not { Count: > 0 } streams || result.Errors is { Count: > 0 })
        {
            // Refused before any event (a validation error, a variable of the wrong type): a GraphQL response, not a stream.
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = MediaTypes.GraphQLResponse + "; charset=utf-8";
            await serializer.WriteAsync(http.Response.Body, result, cancellationToken);
            return;
        }

        var events = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = streams.Values.First().Subscribe(new ChannelObserver(events.Writer));
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = EventStream + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        // Proxies such as nginx buffer responses unless told not to: events would arrive late, in bunches.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.StartAsync(cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var lastEvent = time.GetTimestamp();
        var keepAlive = TimeSpan.FromSeconds(settings.KeepAliveSeconds);
        var idleTimeout = TimeSpan.FromSeconds(settings.IdleTimeoutSeconds);
        try
        {
            while (!ending.IsCancellationRequested)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(ending.Token);
                tick.CancelAfter(Min(keepAlive, idleTimeout - time.GetElapsedTime(lastEvent)));
                bool more;
                try
                {
                    more = await events.Reader.WaitToReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!ending.IsCancellationRequested)
                {
                    if (time.GetElapsedTime(lastEvent) >= idleTimeout)
                    {
                        break;
                    }
                    await WriteAsync(http, ":\n\n", ending.Token);
                    continue;
                }
                if (!more)
                {
                    break;
                }
                while (events.Reader.TryRead(out var next))
                {
                    using var data = new MemoryStream();
                    await serializer.WriteAsync(data, next, ending.Token);
                    await WriteAsync(http, "event: next\ndata: " + System.Text.Encoding.UTF8.GetString(data.ToArray()) + "\n\n", ending.Token);
                    lastEvent = time.GetTimestamp();
                }
            }
            if (!cancellationToken.IsCancellationRequested)
            {
                await WriteAsync(http, "event: complete\ndata:\n\n", CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left: nothing more to write.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => b < TimeSpan.Zero ? TimeSpan.Zero : a < b ? a : b;

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync(text, cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static bool AcceptsEventStream(string? accept) =>
        accept is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseList([accept], out var ranges)
        && ranges.Any(r => r.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && r.Quality is not 0);

    private static bool SelectsSubscription(GraphQLDocument document, string? operationName) =>
        GraphQLHttpEndpoint.Selected(document, operationName)?.Operation == OperationType.Subscription;

    private static Task ProblemAsync(HttpContext http, int status, string code, string message) =>
        ErrorBody.WriteAsync(http.Response, status, code, message, http.RequestAborted, MediaTypes.Json);

    /// <summary>Hands the subscription's results to the writing loop; an error becomes a last result with that error.</summary>
    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnError(Exception error)
        {
            var failure = error as ExecutionError ?? new ExecutionError("The stream failed; subscribe again.") { Code = ErrorCodes.Internal };
            writer.TryWrite(new ExecutionResult { Errors = [failure] });
            writer.TryComplete();
        }

        public void OnCompleted() => writer.TryComplete();
    }
}
