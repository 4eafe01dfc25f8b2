
namespace CoopGraph.Api.Http;

/// <summary>The text to execute and whether it is a registered document.</summary>
public sealed record ResolvedDocument(string? Query, bool Registered, string? Code = null, string? Problem = null);
