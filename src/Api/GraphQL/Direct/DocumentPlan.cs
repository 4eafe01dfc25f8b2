using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Validation;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CoopGraph.Api.GraphQL.Direct;

/// <summary>
/// What one operation of a validated document selects, worked out once and kept with the document: the root's entries,
/// and (lazily, see <see cref="PlannedField.On"/>) every object type's entries below, with fragments applied as the
/// spec's CollectFields does. An operation with a directive anywhere (<c>@skip</c>, <c>@include</c>…) is left to
/// GraphQL.NET: what it selects would depend on the request.
/// </summary>
public sealed class DocumentPlan
{
    // As many as requests of one document run at once on a small server; more are made and dropped.
    private const int MaxVariableContexts = 16;

    private readonly ISchema _schema;
    private readonly System.Collections.Concurrent.ConcurrentQueue<ValidationContext> _variableContexts = new();
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);

    public DocumentPlan(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, JavaScriptEncoder encoder)
    {
        _schema = schema;
        Document = document;
        Operation = operation;
        Encoder = encoder;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        Supported = operation.Operation == OperationType.Query && schema.Query is not null
            && !HasDirectives(operation.SelectionSet) && operation.Directives is not { Count: > 0 }
            && _fragments.Values.All(f => f.Directives is not { Count: > 0 } && !HasDirectives(f.SelectionSet));
        Root = Supported ? Collect(schema.Query!, [operation.SelectionSet]) : [];
    }

    public GraphQLDocument Document { get; }

    public GraphQLOperationDefinition Operation { get; }

    public JavaScriptEncoder Encoder { get; }

    public bool Supported { get; }

    public PlannedField[] Root { get; }

    /// <summary>
    /// The object type of a value of an abstract type, by the value's class, where every possible type tests the class
    /// alone (<see cref="Common.TypeOfByClass"/>); filled by <see cref="RunState.ObjectTypeOf"/>.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<(IAbstractGraphType Type, Type Class), IObjectGraphType> TypesByClass { get; } = new();

    /// <summary>
    /// A context to coerce a request's variables in. GraphQL.NET's coercion first walks the whole operation to find
    /// where each variable is used, and keeps what it found in the context: a context kept with the plan walks it once.
    /// </summary>
    public ValidationContext RentVariableContext(ISchema schema) =>
        _variableContexts.TryDequeue(out var context)
            ? context
            : new ValidationContext
            {
                Schema = schema,
                Document = Document,
                Operation = Operation,
                Extensions = Inputs.Empty,
                UserContext = new Dictionary<string, object?>(),
                Metrics = global::GraphQL.Instrumentation.Metrics.None,
            };

    /// <summary>Kept for the next request, without anything of this one's.</summary>
    public void ReturnVariableContext(ValidationContext context)
    {
        context.Variables = Inputs.Empty;
        context.RequestServices = null;
        context.User = null;
        context.CancellationToken = default;
        if (_variableContexts.Count < MaxVariableContexts)
        {
            _variableContexts.Enqueue(context);
        }
    }

    /// <summary>The entries of a response object of this type for these selection sets, in the order the spec gives.</summary>
    public PlannedField[] Collect(IObjectGraphType type, List<GraphQLSelectionSet> selections)
    {
        var keys = new List<string>();
        var fields = new Dictionary<string, (GraphQLField First, List<GraphQLSelectionSet> Selections)>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selection in selections)
        {
            Walk(selection);
        }
        var planned = new PlannedField[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var (first, sets) = fields[keys[i]];
            var definition = first.Name.Value.Span.SequenceEqual("__typename")
                ? null
                // Validation let the field through, so the type has it.
                : type.GetField(first.Name.Value) ?? throw new InvalidOperationException($"{type.Name} has no field {first.Name.StringValue}.");
            planned[i] = new PlannedField(keys[i], first, definition, sets, this);
        }
        return planned;

        void Walk(GraphQLSelectionSet set)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var key = (field.Alias?.Name ?? field.Name).StringValue;
                        if (!fields.TryGetValue(key, out var entry))
                        {
                            entry = (field, []);
                            fields.Add(key, entry);
                            keys.Add(key);
                        }
                        if (field.SelectionSet is { } below)
                        {
                            entry.Selections.Add(below);
                        }
                        break;
                    case GraphQLInlineFragment inline when inline.TypeCondition is null || Applies(inline.TypeCondition, type):
                        Walk(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                        && _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && Applies(fragment.TypeCondition, type):
                        Walk(fragment.SelectionSet);
                        break;
                }
            }
        }
    }

    private bool Applies(GraphQLTypeCondition condition, IObjectGraphType type) =>
        _schema.AllTypes[condition.Type.Name.Value] switch
        {
            IObjectGraphType named => ReferenceEquals(named, type),
            IAbstractGraphType abstractType => abstractType.PossibleTypes.Contains(type),
            _ => false,
        };

    private static bool HasDirectives(GraphQLSelectionSet set)
    {
        foreach (var selection in set.Selections)
        {
            if (selection is IHasDirectivesNode { Directives.Count: > 0 })
            {
                return true;
            }
            if (selection is IHasSelectionSetNode { SelectionSet: { } below } && HasDirectives(below))
            {
                return true;
            }
        }
        return false;
    }
}
