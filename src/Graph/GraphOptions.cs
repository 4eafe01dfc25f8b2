using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Graph;

/// <summary>Configuration section <c>Graph</c>.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Which store holds the graph. <c>Embedded</c> (SQLite file) is the only one in this build; Neo4j comes with its own store.</summary>
    [AllowedValues("Embedded", ErrorMessage = "Graph:Provider must be 'Embedded' (the Neo4j store is not part of this build yet).")]
    public string Provider { get; set; } = "Embedded";

    /// <summary>
    /// How long an analysis waits for the projection of a newer store version before it answers from the previous
    /// one (the build goes on, and the next requests get it).
    /// </summary>
    [Range(0, 600_000)]
    public int ProjectionMaxWaitMilliseconds { get; set; } = 250;

    /// <summary>Load the demo dataset when the store starts empty.</summary>
    public bool SeedDemo { get; set; } = true;
}
