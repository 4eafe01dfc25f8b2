using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CoopGraph.Api.GraphQL.Direct;

/// <summary>
/// One entry of a response object: a response key, the field it runs (the first of the fields merged under that key,
/// whose arguments count, as the spec says), and the selection sets merged under it. What it selects on each object
/// type is worked out once per document and type, then kept.
/// </summary>
public sealed class PlannedField
{
    private readonly ConcurrentDictionary<IObjectGraphType, PlannedField[]> _children = new();

    public PlannedField(string responseKey, GraphQLField ast, FieldType? definition, List<GraphQLSelectionSet> selections, DocumentPlan plan)
    {
        ResponseKey = responseKey;
        EncodedKey = JsonEncodedText.Encode(responseKey, plan.Encoder);
        Ast = ast;
        Definition = definition;
        Selections = selections;
        Plan = plan;
        if (definition is not null && !(ast.Arguments?.Items.Any(a => HoldsVariable(a.Value)) ?? false))
        {
            // Literal arguments (defaults included) are the same at every request: coerced once.
            StaticArguments = ExecutionHelper.GetArguments(definition.Arguments, ast.Arguments, Variables.None, plan.Document, ast, null);
        }
    }

    public string ResponseKey { get; }

    public JsonEncodedText EncodedKey { get; }

    public GraphQLField Ast { get; }

    /// <summary>The field of the parent type; null for <c>__typename</c>.</summary>
    public FieldType? Definition { get; }

    public List<GraphQLSelectionSet> Selections { get; }

    public DocumentPlan Plan { get; }

    /// <summary>The field's arguments when none holds a variable; else null, and they are coerced at each request.</summary>
    public IDictionary<string, ArgumentValue>? StaticArguments { get; }

    /// <summary>The entries of this field's value when it is an object of the given type.</summary>
    public PlannedField[] On(IObjectGraphType type) =>
        _children.GetOrAdd(type, static (t, self) => self.Plan.Collect(t, self.Selections), this);

    private static bool HoldsVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HoldsVariable) ?? false,
        GraphQLObjectValue obj => obj.Fields?.Any(f => HoldsVariable(f.Value)) ?? false,
        _ => false,
    };
}
