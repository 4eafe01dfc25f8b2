using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Common;

public static class EnumDescriptions
{
    /// <summary>Gives each value of an enum type its description; a value left without one fails the schema's description test.</summary>
    public static void Describe<TEnum>(this EnumerationGraphType<TEnum> type, IReadOnlyDictionary<TEnum, string> descriptions) where TEnum : Enum
    {
        foreach (var value in type.Values)
        {
            if (value.Value is TEnum member && descriptions.TryGetValue(member, out var description))
            {
                value.Description = description;
            }
        }
    }
}
