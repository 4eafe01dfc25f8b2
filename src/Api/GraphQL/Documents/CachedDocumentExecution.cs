using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace CoopGraph.Api.GraphQL.Documents;

/// <summary>
/// Runs after the options are configured (their validation rules included). A document the HTTP endpoint took from the
/// <see cref="DocumentCache"/> passed every rule once, and all but one depend on the document alone (GraphQL's rules,
/// the query shape, the introspection switch), so they are not run again. The exception is complexity, which prices
/// pages by their <c>first</c>: when a variable gives one, complexity runs again with this request's variables.
/// A document validated here for the first time is kept. Variables are always coerced and checked by the validator.
/// </summary>
public sealed class CachedDocumentExecution(DocumentCache cache) : IConfigureExecution
{
    // After GraphQL.NET's own option steps (validation rules, complexity), before execution.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Query is not { } text || options.Document is not { } document)
        {
            return await next(options);
        }
        var cached = cache.Holds(text, document, out var costVaries);
        if (cached)
        {
            options.ValidationRules = costVaries
                ? (options.ValidationRules ?? []).Where(rule => rule is ComplexityValidationRule).ToList()
                : [];
        }
        var result = await next(options);
        // Executed: validation passed (an execution error later does not make the document invalid).
        if (!cached && result.Executed)
        {
            cache.Add(text, document, await PageSizeFromVariable.FindAsync(document, options.CancellationToken));
        }
        return result;
    }

    /// <summary>Finds an argument <c>first</c> whose value is, or holds, a variable.</summary>
    private sealed class PageSizeFromVariable : ASTVisitor<PageSizeFromVariable.Found>
    {
        private static readonly PageSizeFromVariable Instance = new();

        public static async ValueTask<bool> FindAsync(GraphQLDocument document, CancellationToken cancellationToken)
        {
            var found = new Found(cancellationToken);
            await Instance.VisitAsync(document, found);
            return found.Any;
        }

        protected override ValueTask VisitArgumentAsync(GraphQLArgument argument, Found context)
        {
            if (argument.Name.Value.Span.SequenceEqual("first") && argument.Value is GraphQLVariable)
            {
                context.Any = true;
            }
            return base.VisitArgumentAsync(argument, context);
        }

        public sealed class Found(CancellationToken cancellationToken) : IASTVisitorContext
        {
            public bool Any { get; set; }

            public CancellationToken CancellationToken { get; } = cancellationToken;
        }
    }
}
