namespace CoopGraph.Api.Options;

/// <summary>Where the built explorer and GraphiQL pages are (the ClientApp's build output).</summary>
public sealed class ExplorerOptions
{
    public const string Section = "Explorer";

    /// <summary>The folder holding index.html, graphiql.html and assets/; by default "explorer" beside the API's assembly.</summary>
    public string? Root { get; set; }

    public string ResolvedRoot => string.IsNullOrWhiteSpace(Root) ? Path.Combine(AppContext.BaseDirectory, "explorer") : Root;
}
