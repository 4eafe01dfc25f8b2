using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Common;

/// <summary>
/// An object type whose <c>IsTypeOf</c> tests the value's class alone, and says so: an execution may then keep, per
/// abstract type and class, which object type a value is (<see cref="Direct.RunState.ObjectTypeOf"/>), instead of
/// asking each possible type again for every value.
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

    /// <summary>Whether the type's <c>IsTypeOf</c> was set by <see cref="IsTypeOfClass{T}"/>.</summary>
    public static bool IsTypedByClass(this IObjectGraphType type) => type.GetMetadata(Key, false);
}
