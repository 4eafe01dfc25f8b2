using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Graph.Options;

/// <summary>Configuration section <c>Graph:Embedded</c>.</summary>
public sealed class EmbeddedStoreOptions
{
    public const string Section = "Graph:Embedded";

    /// <summary>The SQLite file. Relative paths are taken from the content root; the folder is created when missing.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Graph:Embedded:Path must not be empty.")]
    public string Path { get; set; } = System.IO.Path.Combine("App_Data", "coopgraph.db");
}
