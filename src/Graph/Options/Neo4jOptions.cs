using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Graph.Options;

/// <summary>Configuration section <c>Graph:Neo4j</c>. The password comes from the environment or user secrets and is never logged.</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Graph:Neo4j";

    /// <summary>The server's HTTP address, e.g. <c>http://localhost:7474</c>.</summary>
    [Required(ErrorMessage = "Graph:Neo4j:Uri is required when Graph:Provider is Neo4j.")]
    public Uri? Uri { get; set; }

    [RegularExpression("^[A-Za-z0-9.-]{3,63}$", ErrorMessage = "Graph:Neo4j:Database must be a Neo4j database name (letters, digits, '.', '-').")]
    public string Database { get; set; } = "neo4j";

    public string User { get; set; } = "neo4j";

    public string? Password { get; set; }

    /// <summary>How long one HTTP request may take before Neo4j is deemed out of reach.</summary>
    [Range(0.1, 3600)]
    public double RequestTimeoutSeconds { get; set; } = 60;

    /// <summary>Retries of a request that did not reach Neo4j (connection refused, HTTP 502-504).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Rows per request when a batch or an export is large.</summary>
    [Range(100, 1_000_000)]
    public int PageSize { get; set; } = 10_000;

    /// <summary>
    /// Rows per page when the graph is read whole (exports, the projection, the read model): each page is a read of
    /// its own, several at once, so pages can be larger than a write's.
    /// </summary>
    [Range(100, 1_000_000)]
    public int ExportPageSize { get; set; } = 50_000;
}
