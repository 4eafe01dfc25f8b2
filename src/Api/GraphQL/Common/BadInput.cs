using GraphQL;

namespace CoopGraph.Api.GraphQL.Common;

/// <summary>An argument the resolver refuses: reported as BAD_USER_INPUT and never logged as a failure.</summary>
public static class BadInput
{
    public static ExecutionError Error(string message) => new(message) { Code = ErrorCodes.BadUserInput };
}
