using System.Text;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Graph;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Paging;

/// <summary>Relay-style paging arguments: <c>first</c> (default 20, at most 100) and an opaque <c>after</c> cursor.</summary>
public static class Paging
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 100;
    private const string Prefix = "cg1:";

    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", a =>
        {
            a.Description = $"How many items to return, 0 to {MaxFirst}.";
            a.DefaultValue = DefaultFirst;
        })
        .Argument<StringGraphType>("after", a => a.Description = "Return the items after this cursor (an endCursor or edge cursor of the same listing).");

    public static PageRequest ReadPage(this IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultFirst;
        if (first is < 0 or > MaxFirst)
        {
            throw BadInput.Error($"'first' must be between 0 and {MaxFirst} (got {first}).");
        }
        return new PageRequest(first, Decode(context.GetArgument<string?>("after")));
    }

    public static string Encode(string storeCursor) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + storeCursor));

    public static string? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return text[Prefix.Length..];
            }
        }
        catch (FormatException)
        {
        }
        throw BadInput.Error("'after' is not a cursor returned by this API.");
    }
}
