using CoopGraph.Domain.Validation;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Common;

/// <summary>The text and count of a search field, checked the same way wherever a search is offered.</summary>
public static class SearchArguments
{
    public static (string Text, int First) Read(IResolveFieldContext context, int defaultFirst, int maxFirst)
    {
        var first = context.GetArgument<int?>("first") ?? defaultFirst;
        if (first < 0 || first > maxFirst)
        {
            throw BadInput.Error($"'first' must be between 0 and {maxFirst} (got {first}).");
        }
        var text = context.GetArgument<string>("text");
        if (text.Length > Limits.MaxNameLength)
        {
            throw BadInput.Error($"'text' has at most {Limits.MaxNameLength} characters.");
        }
        return (text, first);
    }
}
