using GraphQL.Types;
using CoopGraph.Api.GraphQL.Analytics;
using GraphQL.Validation.Complexity;

namespace CoopGraph.Api.Protection;

/// <summary>
/// How much a field multiplies the cost of what it selects: a paged field by its <c>first</c>, the edges and nodes
/// of a connection by 1 (the connection already counted them), a scope network's nodes and edges by its first (edges
/// twice), other lists by a default size.
/// </summary>
public static class ComplexityEstimate
{
    public const double UnpagedListSize = 20;

    /// <summary>About the number of types of the schema (__schema.types).</summary>
    public const double IntrospectionTypes = 100;

    /// <summary>About the number of fields, arguments or values of one schema type.</summary>
    public const double IntrospectionListSize = 12;

    public static FieldComplexityResult Of(FieldImpactContext context)
    {
        var field = context.FieldDefinition;
        // Introspection reads the schema, not the graph. Priced like data, the standard introspection query of GraphiQL
        // and code generators came to over a million (each ofType of each field of each type counted) and was refused.
        // Only its lists are priced, at about the schema's real sizes: the standard query costs about 2,000, while a
        // document nesting fields in fields in fields (each level twelve times the last) is refused from the fourth level on.
        if (field.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return IsList(field.ResolvedType)
                ? new FieldComplexityResult(1, field.Name == "types" ? IntrospectionTypes : IntrospectionListSize)
                : new FieldComplexityResult(0, 1);
        }
        if (context.ParentType.Name == "Query" && field.Name == "scopeNetwork")
        {
            // Its first sizes the nodes and edges lists, not its counts (priced below, on those two lists).
            return new FieldComplexityResult(1, 1);
        }
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
        if (parent == "ScopeNetwork" && field.Name is "nodes" or "edges")
        {
            // As many nodes as scopeNetwork's first; drawn networks hold about two links per node (a département's open
            // data: 1,157 links for 778 nodes).
            var nodes = context.Parent?.GetArgument<int?>("first", null) ?? AnalyticsRootFields.DefaultNetworkNodes;
            return new FieldComplexityResult(1, Math.Max(1, nodes) * (field.Name == "edges" ? 2 : 1));
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
