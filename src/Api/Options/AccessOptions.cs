namespace CoopGraph.Api.Options;

/// <summary>Configuration section <c>Api</c>: who may do what without a key.</summary>
public sealed class AccessOptions
{
    public const string Section = "Api";

    /// <summary>Queries without a key. True by default (open data); set false to require a read key.</summary>
    public bool AllowAnonymousRead { get; set; } = true;

    /// <summary>Mutations without a key. False by default; true only for a local instance.</summary>
    public bool AllowAnonymousWrite { get; set; }

    /// <summary>
    /// Refuse GET requests without a <c>GraphQL-Require-Preflight</c> header: a header a cross-site page cannot add
    /// without a CORS preflight, so that no other site can make a visitor's browser run even read-only queries.
    /// </summary>
    public bool RequirePreflightOnGet { get; set; }
}
