using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Api.Options;

/// <summary>
/// Configuration section <c>Api:Limits</c>: what a single GraphQL request may ask for. Every refusal happens
/// before any store work and answers QUERY_TOO_COMPLEX (BAD_REQUEST for an oversized body).
/// </summary>
public sealed class QueryLimitsOptions
{
    public const string Section = "Api:Limits";

    /// <summary>Bytes of request body on /graphql (4 MiB: a batch of 1,000 actors with all their fields fits).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Characters of the query text.</summary>
    [Range(1, int.MaxValue)]
    public int MaxQueryLength { get; set; } = 100_000;

    /// <summary>Lexical tokens of the query text (names, punctuation, values).</summary>
    [Range(1, int.MaxValue)]
    public int MaxTokens { get; set; } = 20_000;

    /// <summary>Depth of nested selections.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Estimated cost: each field costs 1, multiplied by the sizes of the lists above it, a list's size being its
    /// <c>first</c> argument (or its default) and 20 for lists without one.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 100_000;

    [Range(0, int.MaxValue)]
    public int MaxAliases { get; set; } = 100;

    [Range(0, int.MaxValue)]
    public int MaxFragments { get; set; } = 50;

    /// <summary>Seconds an operation may run before it is stopped.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Whether __schema and __type answer. Switch off in production if the schema should not be browsable.</summary>
    public bool AllowIntrospection { get; set; } = true;

    /// <summary>
    /// Parsed and validated documents kept, by their text, so that a document sent again skips parsing and the
    /// checks that depend on the document alone (those that depend on variables, such as complexity, run every time).
    /// The least recently used go first once either bound is reached; 0 keeps none.
    /// </summary>
    [Range(0, 1_000_000)]
    public int DocumentCacheEntries { get; set; } = 1_000;

    /// <summary>The total length of the texts of the documents kept (a parsed document weighs some ten times its text).</summary>
    [Range(0, int.MaxValue)]
    public int DocumentCacheChars { get; set; } = 2_000_000;
}
