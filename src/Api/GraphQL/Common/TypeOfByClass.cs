using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Common;

/// <summary>
/// An object type whose <c>IsTypeOf</c> tests the value's class alone, and an interface whose values' types are found
/// by their possible types' <c>IsTypeOf</c> (GraphQL.NET then sets its <c>ResolveType</c> to ask them), each saying
/// so: an execution may keep, per interface and class, which object type a value is
/// (<see cref="Direct.RunState.ObjectTypeOf"/>), instead of asking each possible type again for every value.
/// </summary>
public static class TypeOfByClass
{
    private const string Key = "coopgraph:typeOfByClass";

    /// <summary>Sets <c>IsTypeOf</c> to <c>value is T</c>.</summary>
    public static void IsTypeOfClass<T>(this ObjectGraphType<T> type)
    {
        type.IsTypeOf = value => value is T;
        type.Metadata[Key] = true;
    }

    /// <summary>
    /// Says that the interface sets no <c>ResolveType</c> of its own: its possible types' <c>IsTypeOf</c> decide.
    /// </summary>
    public static void ResolvedByPossibleTypes<T>(this InterfaceGraphType<T> type) => type.Metadata[Key] = true;

    /// <summary>Whether the type's <c>IsTypeOf</c> was set by <see cref="IsTypeOfClass{T}"/>.</summary>
    public static bool IsTypedByClass(this IObjectGraphType type) => type.GetMetadata(Key, false);

    /// <summary>
    /// Whether a value's object type, for this abstract type, depends on the value's class alone: the interface leaves
    /// it to its possible types, and each of them tests the class.
    /// </summary>
    public static bool IsTypedByClass(this IAbstractGraphType type) =>
        type.GetMetadata(Key, false) && type.PossibleTypes.All(IsTypedByClass);
}
