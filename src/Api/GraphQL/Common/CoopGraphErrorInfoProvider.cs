using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace CoopGraph.Api.GraphQL.Common;

/// <summary>
/// Shapes every GraphQL error for clients: one <c>extensions.code</c> from <see cref="ErrorCodes"/>, no
/// stack traces, no inner messages (SQL, paths). Unhandled exceptions are logged before they get here.
/// </summary>
public sealed class CoopGraphErrorInfoProvider() : ErrorInfoProvider(o =>
{
    o.ExposeExceptionDetails = false;
    o.ExposeCodes = false;
    o.ExposeCode = false;
    o.ExposeData = false;
    o.ExposeExtensions = true;
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions["code"] = CodeOf(executionError);
        if (executionError.Code == ErrorCodes.ChangesExpired && executionError.Data["oldestVersion"] is { } oldest)
        {
            extensions["oldestVersion"] = oldest;
        }
        return new ErrorInfo
        {
            Message = executionError is UnhandledError ? "Internal error. It has been logged." : info.Message,
            Extensions = extensions,
        };
    }

    private static string CodeOf(ExecutionError error) => error switch
    {
        InvalidVariableError => ErrorCodes.BadUserInput,
        global::GraphQL.Validation.Errors.Custom.ComplexityError or TimeoutError => ErrorCodes.QueryTooComplex,
        ValidationError { Code: ErrorCodes.QueryTooComplex } => ErrorCodes.QueryTooComplex,
        ValidationError => ErrorCodes.ValidationFailed,
        SyntaxError => ErrorCodes.ParseFailed,
        UnhandledError => ErrorCodes.Internal,
        { Code: ErrorCodes.BadUserInput or ErrorCodes.NotFound or ErrorCodes.BadRequest or ErrorCodes.Forbidden or ErrorCodes.ServiceUnavailable or ErrorCodes.SurveyClosed or ErrorCodes.ChangesExpired } => error.Code!,
        DocumentError => ErrorCodes.BadRequest,
        _ => ErrorCodes.Internal,
    };
}
