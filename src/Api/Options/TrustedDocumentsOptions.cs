
namespace CoopGraph.Api.Options;

/// <summary>Configuration section <c>Api:TrustedDocuments</c>.</summary>
public sealed class TrustedDocumentsOptions
{
    public const string Section = "Api:TrustedDocuments";

    /// <summary>When true, keys created with --trusted-only may run registered documents only.</summary>
    public bool Enforce { get; set; } = true;
}
