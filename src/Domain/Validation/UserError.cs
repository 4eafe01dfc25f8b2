namespace CoopGraph.Domain.Validation;

/// <summary>A problem with one item of a write, reported to the caller instead of being thrown.</summary>
/// <param name="Code">One of <see cref="UserErrorCodes"/>.</param>
/// <param name="Path">Where the problem is, as GraphQL paths are written: field names and list indexes.</param>
public sealed record UserError(string Code, string Message, IReadOnlyList<object> Path);

public static class UserErrorCodes
{
    public const string InvalidValue = "INVALID_VALUE";
    public const string NotApplicable = "NOT_APPLICABLE";
    public const string Required = "REQUIRED";
    public const string NotFound = "NOT_FOUND";
    public const string KindConflict = "KIND_CONFLICT";
    public const string InvalidLink = "INVALID_LINK";
    public const string Duplicate = "DUPLICATE";
    public const string Constraint = "CONSTRAINT";

    /// <summary>The writer may not write this: public data with a key bound to an authority, another authority's privateTo.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The id is taken by data the writer cannot see; nothing else about it is said.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>The batch changes more than the store can hold in one transaction (Neo4j's transaction memory limit).</summary>
    public const string TooLarge = "TOO_LARGE";
}
