using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Api.Options;

/// <summary>Configuration section <c>Api:Streams</c>: subscriptions over Server-Sent Events at POST /graphql/stream.</summary>
public sealed class StreamOptions
{
    public const string Section = "Api:Streams";

    /// <summary>Open streams at once per key (per address for anonymous readers); one more is refused with 429.</summary>
    [Range(1, 1000)]
    public int PerKey { get; set; } = 4;

    /// <summary>A stream with no event for this long is completed; the client subscribes again if it still cares.</summary>
    [Range(1, 86_400)]
    public int IdleTimeoutSeconds { get; set; } = 1800;

    /// <summary>A comment line this often keeps proxies from closing a quiet stream.</summary>
    [Range(1, 3600)]
    public int KeepAliveSeconds { get; set; } = 15;
}
