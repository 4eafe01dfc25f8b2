namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>The direct executer on reads from the read model, each value written as it comes.</summary>
public sealed class DirectReadsTests() : DirectReadsComparison(readModel: true);
