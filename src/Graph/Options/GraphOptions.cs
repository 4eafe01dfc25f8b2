using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Graph.Options;

/// <summary>Configuration section <c>Graph</c>.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string Embedded = "Embedded";
    public const string Neo4j = "Neo4j";

    /// <summary>Which store holds the graph: <c>Embedded</c> (one SQLite file, the default) or <c>Neo4j</c> (Graph:Neo4j).</summary>
    [AllowedValues(Embedded, Neo4j, ErrorMessage = "Graph:Provider must be 'Embedded' or 'Neo4j'.")]
    public string Provider { get; set; } = "Embedded";

    /// <summary>
    /// How long an analysis waits for the projection of a newer store version before it answers from the previous
    /// one (the build goes on, and the next requests get it).
    /// </summary>
    [Range(0, 600_000)]
    public int ProjectionMaxWaitMilliseconds { get; set; } = 250;

    /// <summary>
    /// The read model: the whole graph copied in memory for each store version, so that entity reads (an actor, its
    /// links, listings) never leave the process. Above this many nodes and links together it is not kept and reads go to
    /// the store; 0 turns it off. At about 140 bytes of heap an element, the default holds up to about 2.2 GB: the
    /// national graph (11.2 million elements, 1.6 GB of heap, about 3.9 GB resident with the projection). Writes that
    /// add or rewrite elements cost what they change at any size, so holding a large graph no longer slows them.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long ReadModelMaxElements { get; set; } = 16_000_000;

    /// <summary>
    /// How long a request waits for the read model of the store's current version before it reads the store itself. It
    /// waits only while the read model's builds are that quick — the changes of a write applied to the snapshot held,
    /// not a whole copy of the graph (seconds at scale), which goes on in the background meanwhile. 0: never waits.
    /// </summary>
    [Range(0, 600_000)]
    public int ReadModelMaxWaitMilliseconds { get; set; } = 50;

    /// <summary>Load the demo dataset when the store starts empty.</summary>
    public bool SeedDemo { get; set; } = true;
}
