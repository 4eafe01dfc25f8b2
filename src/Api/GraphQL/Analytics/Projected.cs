using CoopGraph.Domain.Analytics.Projection;

namespace CoopGraph.Api.GraphQL.Analytics;

/// <summary>A result computed on one projection, kept with it so that indexes can be turned back into ids.</summary>
public sealed record Projected<T>(GraphProjection Projection, T Value);
