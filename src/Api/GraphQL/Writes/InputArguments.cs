using CoopGraph.Graph.Interchange;
using GraphQL;

namespace CoopGraph.Api.GraphQL.Writes;

public static class InputArguments
{
    /// <summary>The input object passed as argument <paramref name="name"/>, or null when the argument is absent.</summary>
    public static InputReader? InputObject(this IResolveFieldContext context, string name) =>
        context.GetArgument<Dictionary<string, object?>?>(name) is { } values ? new InputReader(values) : null;
}
