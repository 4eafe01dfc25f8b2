using System.Text;
using GraphQL.Types;

namespace CoopGraph.Api.Tests.Privacy;

/// <summary>
/// Writes one query per read field of the schema, selecting every field a few levels deep, so that a field added
/// later is covered without anyone listing it. Every argument of type ID — on the field, in its input objects, and
/// on nested fields — is given <see cref="IdPlaceholder"/>, which the caller replaces by the id it wants to probe;
/// required text gets <see cref="Text"/>, other required arguments a plain value.
/// </summary>
public static class ReadQueryGenerator
{
    public const string IdPlaceholder = "__PROBED_ID__";

    /// <summary>Search words: they match every private name of the scenario.</summary>
    public const string Text = "zorglub";

    // Deep enough for a node's links and their ends (actor → links → nodes → source); abstract types below the second
    // level select their interface's fields only, which keeps each query at tens of kilobytes.
    private const int MaxDepth = 3;

    public sealed record GeneratedQuery(string Field, string Text, bool TakesId);

    public static IReadOnlyList<GeneratedQuery> ForEveryReadField(ISchema schema)
    {
        schema.Initialize();
        var queries = new List<GeneratedQuery>();
        foreach (var field in schema.Query.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var withIds = new StringBuilder();
            var takesId = AppendField(withIds, field, depth: 0, fillIds: true);
            queries.Add(new GeneratedQuery(field.Name, "{ " + withIds + " }", takesId));
            if (takesId && field.Arguments?.All(a => a.ResolvedType is not NonNullGraphType) == true)
            {
                // Optional id arguments (filters, scopes): the field is asked without them too.
                var plain = new StringBuilder();
                AppendField(plain, field, depth: 0, fillIds: false);
                queries.Add(new GeneratedQuery(field.Name, "{ " + plain + " }", false));
            }
        }
        return queries;
    }

    /// <summary>
    /// Appends the field with its arguments and selection; returns whether an id went in. Inside a type's fragment the
    /// field is aliased with the type's name: sibling fragments may hold fields of one name and different types
    /// (a territory's code is required, an authority's is not), which GraphQL refuses to merge.
    /// </summary>
    private static bool AppendField(StringBuilder text, FieldType field, int depth, bool fillIds, string? aliasPrefix = null)
    {
        var named = Unwrap(field.ResolvedType!);
        var arguments = new List<string>();
        var takesId = false;
        foreach (var argument in field.Arguments ?? [])
        {
            var required = argument.ResolvedType is NonNullGraphType;
            if (Value(argument.ResolvedType!, fillIds, required) is { } value)
            {
                arguments.Add(argument.Name + ": " + value);
                takesId |= value.Contains(IdPlaceholder, StringComparison.Ordinal);
            }
        }
        if (aliasPrefix is not null)
        {
            text.Append(aliasPrefix).Append('_').Append(field.Name).Append(": ");
        }
        text.Append(field.Name);
        if (arguments.Count > 0)
        {
            text.Append('(').AppendJoin(", ", arguments).Append(')');
        }
        if (named is ScalarGraphType or EnumerationGraphType)
        {
            text.Append(' ');
            return takesId;
        }
        text.Append(" { __typename ");
        takesId |= AppendSelection(text, named, depth + 1, fillIds);
        text.Append("} ");
        return takesId;
    }

    private static bool AppendSelection(StringBuilder text, IGraphType type, int depth, bool fillIds, string? aliasPrefix = null)
    {
        var takesId = false;
        switch (type)
        {
            case IObjectGraphType obj:
                foreach (var field in obj.Fields)
                {
                    var leaf = Unwrap(field.ResolvedType!) is ScalarGraphType or EnumerationGraphType;
                    if (leaf || depth < MaxDepth)
                    {
                        takesId |= AppendField(text, field, depth, fillIds, aliasPrefix);
                    }
                }
                break;
            case IAbstractGraphType @abstract when depth < 2:
                foreach (var possible in @abstract.PossibleTypes)
                {
                    text.Append("... on ").Append(possible.Name).Append(" { ");
                    takesId |= AppendSelection(text, possible, depth, fillIds, possible.Name);
                    text.Append("} ");
                }
                break;
            case IInterfaceGraphType @interface:
                foreach (var field in @interface.Fields.Where(f => Unwrap(f.ResolvedType!) is ScalarGraphType or EnumerationGraphType))
                {
                    takesId |= AppendField(text, field, depth, fillIds);
                }
                break;
        }
        return takesId;
    }

    /// <summary>The literal an argument gets, or null when it is left out.</summary>
    private static string? Value(IGraphType type, bool fillIds, bool required)
    {
        var inner = type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;
        if (inner is ListGraphType list)
        {
            return Value(list.ResolvedType!, fillIds, required) is { } item ? "[" + item + "]" : null;
        }
        switch (inner)
        {
            case IdGraphType when fillIds || required:
                return "\"" + IdPlaceholder + "\"";
            case IInputObjectGraphType input:
                var fields = input.Fields
                    .Select(f => (f.Name, Value: Value(f.ResolvedType!, fillIds, f.ResolvedType is NonNullGraphType)))
                    .Where(f => f.Value is not null)
                    .Select(f => f.Name + ": " + f.Value)
                    .ToList();
                return fields.Count > 0 || required ? "{ " + string.Join(", ", fields) + " }" : null;
        }
        if (!required)
        {
            return null;
        }
        return inner switch
        {
            StringGraphType => "\"" + Text + "\"",
            IntGraphType => "5",
            FloatGraphType => "0",
            BooleanGraphType => "true",
            EnumerationGraphType e => e.Values.First().Name,
            _ => throw new NotSupportedException($"No value for a required argument of type {inner.Name}: teach the generator one."),
        };
    }

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType n => Unwrap(n.ResolvedType!),
        ListGraphType l => Unwrap(l.ResolvedType!),
        _ => type,
    };
}
