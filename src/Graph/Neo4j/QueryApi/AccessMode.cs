namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>Where a cluster may run a statement: reads may go to read replicas.</summary>
public enum AccessMode
{
    Write,
    Read,
}
