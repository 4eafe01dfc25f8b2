namespace CoopGraph.Graph.Embedded;

/// <summary>Configuration section <c>Graph:Embedded</c>.</summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>The SQLite file. Relative paths are taken from the content root; the folder is created when missing.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("App_Data", "coopgraph.db");
}
