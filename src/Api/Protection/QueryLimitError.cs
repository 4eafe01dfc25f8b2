using CoopGraph.Api.GraphQL.Common;
using GraphQL.Validation;

namespace CoopGraph.Api.Protection;

/// <summary>A document refused for its size or shape, reported as QUERY_TOO_COMPLEX.</summary>
public sealed class QueryLimitError : ValidationError
{
    public QueryLimitError(ValidationContext context, string message)
        : base(context.Document.Source, "limits", message)
    {
        Code = ErrorCodes.QueryTooComplex;
    }
}
