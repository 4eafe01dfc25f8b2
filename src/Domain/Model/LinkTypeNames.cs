namespace CoopGraph.Domain.Model;

/// <summary>The CONSTANT_CASE names used in storage, in Cypher and in the GraphQL schema.</summary>
public static class LinkTypeNames
{
    private static readonly Dictionary<LinkType, string> Names = Enum.GetValues<LinkType>()
        .ToDictionary(t => t, t => ConstantCase.From(t.ToString()));

    private static readonly Dictionary<string, LinkType> Types = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToConstant(LinkType type) => Names[type];

    public static LinkType Parse(string name) =>
        Types.TryGetValue(name, out var type) ? type : throw new FormatException($"Unknown link type '{name}'.");
}

public static class ConstantCase
{
    /// <summary>"CooperatesWith" → "COOPERATES_WITH".</summary>
    public static string From(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(pascal[i]));
        }
        return builder.ToString();
    }
}
