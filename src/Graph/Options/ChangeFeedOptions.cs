using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Graph.Options;

/// <summary>Configuration section <c>Graph:Changes</c>: how long the change feed keeps what it recorded.</summary>
public sealed class ChangeFeedOptions
{
    public const string Section = "Graph:Changes";

    /// <summary>Changes older than this many days are forgotten (whole versions); a partner further behind exports again.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 90;
}
