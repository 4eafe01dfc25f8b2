using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace CoopGraph.Api.Protection;

/// <summary>
/// How much a field multiplies the cost of what it selects: a paged field by its <c>first</c>, the edges and nodes
/// of a connection by 1 (the connection already counted them), other lists by a default size.
/// </summary>
public static class ComplexityEstimate
{
    public const double UnpagedListSize = 20;

    public static FieldComplexityResult Of(FieldImpactContext context)
    {
        var field = context.FieldDefinition;
        if (field.Arguments?.Find("first") is { } first)
        {
            var size = context.GetArgument<int?>("first", first.DefaultValue as int?) ?? (int)UnpagedListSize;
            return new FieldComplexityResult(1, Math.Max(1, size));
        }
        var parent = context.ParentType.Name;
        if (parent.EndsWith("Connection", StringComparison.Ordinal) && field.Name is "edges" or "nodes")
        {
            return new FieldComplexityResult(1, 1);
        }
        return new FieldComplexityResult(1, IsList(field.ResolvedType) ? UnpagedListSize : 1);
    }

    private static bool IsList(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => IsList(nonNull.ResolvedType),
        ListGraphType => true,
        _ => false,
    };
}
