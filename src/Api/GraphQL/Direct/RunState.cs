using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using CoopGraph.Api.GraphQL.Common;

namespace CoopGraph.Api.GraphQL.Direct;

/// <summary>
/// What every resolver of one direct execution shares, as GraphQL.NET gives it to them: the request's variables,
/// services, user and cancellation, and the lists a resolver may add errors or extensions to (any makes the run give
/// the request back to GraphQL.NET).
/// </summary>
internal sealed class RunState(DocumentPlan plan, ISchema schema, Variables variables, IServiceProvider services, ClaimsPrincipal user,
    JsonSerializerOptions scalars, CancellationToken cancellationToken)
{
    /// <summary>The answer's one property, written by both runs.</summary>
    public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    private readonly ExecutionErrors _errors = [];
    private readonly Dictionary<string, object?> _outputExtensions = [];
    private readonly Dictionary<string, object?> _userContext = [];
    private readonly Dictionary<string, object?> _inputExtensions = [];

    public DocumentPlan Plan => plan;

    public ISchema Schema => schema;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Whether a resolver reported something that only GraphQL.NET answers.</summary>
    public bool Failed => _errors.Count > 0 || _outputExtensions.Count > 0;

    public ResolveFieldContext Context(IObjectGraphType type, object? source, ResolveFieldContext? parent) => new()
    {
        ParentType = type,
        Parent = parent,
        Source = source,
        Schema = schema,
        Document = plan.Document,
        Operation = plan.Operation,
        Variables = variables,
        CancellationToken = cancellationToken,
        RequestServices = services,
        User = user,
        UserContext = _userContext,
        Errors = _errors,
        OutputExtensions = _outputExtensions,
        InputExtensions = _inputExtensions,
    };

    /// <summary>Sets the context on a field of the plan, its arguments coerced as GraphQL.NET coerces them.</summary>
    public void Aim(ResolveFieldContext context, PlannedField field, FieldType definition)
    {
        context.FieldAst = field.Ast;
        context.FieldDefinition = definition;
        context.Arguments = field.StaticArguments ?? ExecutionHelper.GetArguments(
            definition.Arguments, field.Ast.Arguments, variables, plan.Document, field.Ast, null);
    }

    /// <summary>
    /// The object type of a value of an object, interface or union type, as GraphQL.NET works it out; where GraphQL.NET
    /// would report an error (no possible type, a failed <c>IsTypeOf</c>), the run gives the request back.
    /// </summary>
    public IObjectGraphType ObjectTypeOf(IGraphType type, object value)
    {
        if (type is not IAbstractGraphType abstractType)
        {
            return type is IObjectGraphType plain ? Checked(plain, value) : throw new DirectRun.Declined();
        }
        var key = (abstractType, value.GetType());
        if (plan.TypesByClass.TryGetValue(key, out var known))
        {
            return known;
        }
        var found = abstractType.GetObjectType(value, schema) is { } candidate && abstractType.IsPossibleType(candidate)
            ? Checked(candidate, value)
            : throw new DirectRun.Declined();
        // Asking each possible type in turn was 4 % of an actor page's CPU (twenty node ends), measured: where the
        // answer depends on the class alone, it is kept.
        if (abstractType.IsTypedByClass())
        {
            plan.TypesByClass.TryAdd(key, found);
        }
        return found;
    }

    private static IObjectGraphType Checked(IObjectGraphType type, object value) =>
        type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck && !isTypeOf(value) ? throw new DirectRun.Declined() : type;

    /// <summary>As GraphQL.NET's System.Text.Json writer does: the serialized value, by its runtime type.</summary>
    public void WriteScalar(Utf8JsonWriter writer, object serialized)
    {
        switch (serialized)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            default:
                JsonSerializer.Serialize(writer, serialized, serialized.GetType(), scalars);
                break;
        }
    }
}
