using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CoopGraph.Graph.Options;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>
/// Runs Cypher through Neo4j's Query API: auto-commit statements and explicit transactions. Parameters go as plain JSON,
/// results come back as typed JSON. Every failure becomes one of three exceptions: <see cref="Neo4jException"/> (Neo4j
/// answered with an error), <see cref="StoreUnavailableException"/> (it did not answer, is starting, or refused our
/// credentials) or <see cref="Neo4jProtocolException"/>.
/// </summary>
public sealed class Neo4jQueryClient
{
    /// <summary>The name of the <see cref="HttpClient"/> configured for Neo4j (base address, credentials, resilience).</summary>
    public const string HttpClientName = "neo4j";

    private const string AffinityHeader = "neo4j-cluster-affinity";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _clients;
    private readonly string _queryPath;

    public Neo4jQueryClient(IHttpClientFactory clients, IOptions<Neo4jOptions> options)
    {
        _clients = clients;
        _queryPath = "db/" + Uri.EscapeDataString(options.Value.Database) + "/query/v2";
    }

    /// <summary>Runs one statement in its own transaction: it commits whole or not at all.</summary>
    public Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters, AccessMode mode, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, _queryPath, Body(statement, parameters, mode), affinity: null, insideTransaction: false, cancellationToken);

    /// <summary>Opens an explicit transaction; dispose it to roll back whatever was not committed.</summary>
    public async Task<Neo4jTransaction> BeginAsync(AccessMode mode, CancellationToken cancellationToken) =>
        (await BeginAsync(mode, statement: null, parameters: null, cancellationToken)).Transaction;

    /// <summary>
    /// Opens an explicit transaction and runs <paramref name="statement"/> in it, in the same request (the Query API
    /// runs a statement given with the begin): one round trip less for every transaction.
    /// </summary>
    public async Task<(Neo4jTransaction Transaction, QueryResult First)> BeginAsync(
        AccessMode mode, CypherStatement? statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        var content = statement is null ? Json(w => { w.WriteStartObject(); WriteMode(w, mode); w.WriteEndObject(); }) : Body(statement, parameters, mode);
        using var request = new HttpRequestMessage(HttpMethod.Post, _queryPath + "/tx") { Content = content };
        var (result, affinity) = await SendWithAffinityAsync(request, insideTransaction: false, cancellationToken);
        var info = result.Transaction ?? throw new Neo4jProtocolException("Neo4j opened a transaction without telling its id.");
        return (new Neo4jTransaction(this, _queryPath + "/tx/" + Uri.EscapeDataString(info.Id), affinity), result);
    }

    internal Task<QueryResult> RunInAsync(string transactionPath, string? affinity, CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, transactionPath, Body(statement, parameters, mode: null), affinity, insideTransaction: true, cancellationToken);

    /// <summary>Commits, after running <paramref name="statement"/> when one is given (in the same request).</summary>
    internal Task<QueryResult> CommitAsync(
        string transactionPath, string? affinity, CypherStatement? statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, transactionPath + "/commit",
            statement is null ? Json(w => { w.WriteStartObject(); w.WriteEndObject(); }) : Body(statement, parameters, mode: null),
            affinity, insideTransaction: true, cancellationToken);

    /// <summary>Extends the transaction's expiry (a request without a statement), for one held open while others read.</summary>
    internal Task<QueryResult> KeepAliveAsync(string transactionPath, string? affinity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, transactionPath, Json(w => { w.WriteStartObject(); w.WriteEndObject(); }), affinity, insideTransaction: true, cancellationToken);

    internal async Task RollbackAsync(string transactionPath, string? affinity, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Delete, transactionPath, content: null, affinity, insideTransaction: true, cancellationToken);
        }
        catch (Neo4jTransactionGoneException)
        {
            // A transaction whose statement failed is already rolled back and forgotten by the server.
        }
    }

    private async Task<QueryResult> SendAsync(HttpMethod method, string path, HttpContent? content, string? affinity, bool insideTransaction, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }
        return (await SendWithAffinityAsync(request, insideTransaction, cancellationToken)).Result;
    }

    private async Task<(QueryResult Result, string? Affinity)> SendWithAffinityAsync(HttpRequestMessage request, bool insideTransaction, CancellationToken cancellationToken)
    {
        var http = _clients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e, cancellationToken))
        {
            throw new StoreUnavailableException("Neo4j does not answer (" + Describe(e) + ").", e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new StoreUnavailableException("Neo4j refused CoopGraph's credentials (Graph:Neo4j:User and Graph:Neo4j:Password).");
            }
            if (response.StatusCode == HttpStatusCode.NotFound && insideTransaction)
            {
                throw QueryResponseReader.ErrorOf(body, insideTransaction) as Neo4jTransactionGoneException
                    ?? new Neo4jTransactionGoneException("Neo.ClientError.Request.Invalid", "The transaction is gone (expired, or finished).");
            }
            QueryResult result;
            try
            {
                result = QueryResponseReader.Read(body, insideTransaction);
            }
            catch (Neo4jException e) when (e.Code is "Neo.TransientError.General.DatabaseUnavailable" or "Neo.ClientError.Database.DatabaseNotFound")
            {
                throw new StoreUnavailableException("The Neo4j database is not available (" + e.Code + ").", e);
            }
            catch (Neo4jProtocolException) when ((int)response.StatusCode >= 300)
            {
                throw Status(response.StatusCode);
            }
            if ((int)response.StatusCode >= 300)
            {
                throw Status(response.StatusCode);
            }
            var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return (result, affinity);
        }
    }

    private static Exception Status(HttpStatusCode status) => (int)status >= 500
        ? new StoreUnavailableException($"Neo4j answered HTTP {(int)status}.")
        : new Neo4jException("Neo.ClientError.Request.Invalid", $"Neo4j answered HTTP {(int)status}.");

    /// <summary>
    /// Connection failures, timeouts and an open circuit mean Neo4j is out of reach. A cancellation asked for by the
    /// caller is not one of them: it goes up as it is.
    /// </summary>
    private static bool IsUnreachable(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(Exception e) => e switch
    {
        BrokenCircuitException => "recent requests failed; waiting before trying again",
        TimeoutRejectedException or TaskCanceledException => "timed out",
        HttpRequestException { HttpRequestError: var error } => error.ToString(),
        _ => e.GetType().Name,
    };

    private static ByteArrayContent Body(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters, AccessMode? mode) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("statement", statement.Text);
        if (parameters is { Count: > 0 })
        {
            w.WritePropertyName("parameters");
            ParameterWriter.Write(w, parameters);
        }
        if (mode is { } m)
        {
            WriteMode(w, m);
        }
        w.WriteEndObject();
    });

    private static void WriteMode(Utf8JsonWriter writer, AccessMode mode) => writer.WriteString("accessMode", mode == AccessMode.Read ? "Read" : "Write");

    private static ByteArrayContent Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        // The content takes the stream's own array (disposing a MemoryStream leaves its array as it is): no copy.
        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = JsonContentType;
        return content;
    }
}
