namespace CoopGraph.Api.GraphQL.Common;

/// <summary>Values of <c>extensions.code</c> on GraphQL errors; partner tools branch on them.</summary>
public static class ErrorCodes
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string BadRequest = "BAD_REQUEST";
    public const string NotFound = "NOT_FOUND";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string Internal = "INTERNAL";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>A survey invitation used after its survey closed (by hand or past its closing date).</summary>
    public const string SurveyClosed = "SURVEY_CLOSED";

    /// <summary>Changes asked for that the feed no longer keeps; <c>extensions.oldestVersion</c> says from where it holds them.</summary>
    public const string ChangesExpired = "CHANGES_EXPIRED";

    /// <summary>The graph store cannot be reached (Neo4j down or starting); the request may be sent again later.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
}
