namespace CoopGraph.Api.Options;

/// <summary>Configuration section <c>Api:Cors</c>: the browser origins allowed to call the API (none by default).</summary>
public sealed class CorsOptions
{
    public const string Section = "Api:Cors";
    public const string Policy = "coopgraph";

    /// <summary>Origins as browsers send them: scheme, host and port, such as <c>https://observatoire.example.org</c>.</summary>
    public string[] Origins { get; set; } = [];

    /// <summary>Whether every origin is an absolute http(s) address with nothing after its host and port.</summary>
    public bool OriginsAreValid() => Origins.All(o =>
        Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && !o.EndsWith('/'));
}
