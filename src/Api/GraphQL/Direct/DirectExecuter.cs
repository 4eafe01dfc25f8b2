using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoopGraph.Api.Options;
using GraphQL;
using GraphQL.Telemetry;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.GraphQL.Direct;

/// <summary>An entity read, already parsed and validated, for <see cref="DirectExecuter"/>.</summary>
/// <param name="CostVaries">Its complexity depends on its variables, so it is checked again with them.</param>
/// <param name="Immediate">Its reads are answered at once (the read model): each value is written as it comes. Otherwise
/// they go to a store, and loads are batched round by round before anything is written.</param>
public sealed record DirectRequest(GraphQLDocument Document, GraphQLOperationDefinition Operation, bool CostVaries, Inputs? Variables,
    IServiceProvider Services, ClaimsPrincipal User, bool Immediate);

/// <summary>
/// CoopGraph's own executer for entity reads. GraphQL.NET builds, per request, a tree of execution nodes and contexts and
/// walks the document twice before it runs anything; for a page of one actor read from memory that is most of the
/// request's cost. Here the document is planned once (<see cref="DocumentPlan"/>), and each request runs the schema's
/// own resolvers along the plan: from the read model it writes JSON as it goes (<see cref="DirectRun"/>); from a store
/// it batches loads round by round as GraphQL.NET does, then writes (<see cref="BatchedRun"/>). The answer is the one
/// GraphQL.NET gives, byte for byte (tested over a thousand generated reads); whatever it would answer with an error,
/// and whatever the plan does not cover, is handed back (null) for GraphQL.NET to run. While GraphQL.NET's telemetry
/// is listened to, every request goes to GraphQL.NET, so that traces stay whole.
/// </summary>
public sealed class DirectExecuter(ISchema schema, IDocumentValidator validator, IOptions<DirectReadsOptions> options,
    IOptions<QueryLimitsOptions> limits, IServiceProvider services)
{
    // Same name as GraphQL.NET's own source: a listener for its activities listens to this one too.
    private static readonly ActivitySource Telemetry = new(GraphQLTelemetryProvider.SourceName);

    // The encoder of the API's JSON (see AddSystemTextJson): accented names stay readable.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonSerializerOptions Scalars = new() { Encoder = Encoder };

    private readonly ConditionalWeakTable<GraphQLOperationDefinition, DocumentPlan> _plans = new();
    private long _served;
    private long _declined;

    public bool Enabled => options.Value.Enabled && !Telemetry.HasListeners();

    /// <summary>Requests answered here, and requests handed back to GraphQL.NET, since the start.</summary>
    public (long Served, long Declined) Counts => (Interlocked.Read(ref _served), Interlocked.Read(ref _declined));

    /// <summary>The response body, or null when GraphQL.NET is to run the request.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Any failure hands the request to GraphQL.NET, which reports it.")]
    public async Task<byte[]?> TryExecuteAsync(DirectRequest request, CancellationToken cancellationToken)
    {
        var plan = _plans.GetValue(request.Operation, operation => new DocumentPlan(schema, request.Document, operation, Encoder));
        // The execution time limit holds here as in GraphQL.NET: past it, GraphQL.NET runs the request and answers
        // with its timeout error.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.Value.TimeoutSeconds));
        try
        {
            if (plan.Supported && await VariablesAsync(plan, request, timeout.Token) is { } variables)
            {
                var run = new RunState(plan, schema, variables, request.Services, request.User, Scalars, timeout.Token);
                var body = request.Immediate ? await new DirectRun(run).ExecuteAsync() : await new BatchedRun(run).ExecuteAsync();
                Interlocked.Increment(ref _served);
                return body;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // GraphQL.NET runs the request again and reports the failure its own way.
        }
        Interlocked.Increment(ref _declined);
        return null;
    }

    /// <summary>
    /// The request's variables coerced as GraphQL.NET coerces them, and its complexity checked again when its variables
    /// set it; null when either fails (GraphQL.NET then reports why).
    /// </summary>
    private async ValueTask<Variables?> VariablesAsync(DocumentPlan plan, DirectRequest request, CancellationToken cancellationToken)
    {
        if (request.CostVaries)
        {
            var validated = await validator.ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = request.Document,
                Operation = request.Operation,
                Rules = [services.GetRequiredService<ComplexityValidationRule>()],
                Variables = request.Variables ?? Inputs.Empty,
                Extensions = Inputs.Empty,
                UserContext = new Dictionary<string, object?>(),
                Metrics = global::GraphQL.Instrumentation.Metrics.None,
                RequestServices = request.Services,
                User = request.User,
                CancellationToken = cancellationToken,
            });
            return validated.IsValid ? validated.Variables ?? Variables.None : null;
        }
        if (request.Operation.Variables is not { Count: > 0 })
        {
            return Variables.None;
        }
        var context = plan.RentVariableContext(schema);
        try
        {
            context.Variables = request.Variables ?? Inputs.Empty;
            context.RequestServices = request.Services;
            context.User = request.User;
            context.CancellationToken = cancellationToken;
            var (coerced, errors) = await context.GetVariablesValuesAsync();
            return errors is { Count: > 0 } ? null : coerced;
        }
        finally
        {
            plan.ReturnVariableContext(context);
        }
    }
}
