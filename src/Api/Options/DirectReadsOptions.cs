namespace CoopGraph.Api.Options;

/// <summary>
/// Configuration section <c>Api:DirectReads</c>: entity reads are executed by CoopGraph's own executer, straight to JSON
/// from the read model, with loads batched round by round from a store (see <c>GraphQL/Direct</c>). Turning it off leaves every request to GraphQL.NET's
/// executer, which gives the same answers more slowly: the switch is there to compare the two.
/// </summary>
public sealed class DirectReadsOptions
{
    public const string Section = "Api:DirectReads";

    public bool Enabled { get; set; } = true;
}
