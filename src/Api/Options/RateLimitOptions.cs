using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Api.Options;

/// <summary>Configuration section <c>Api:RateLimits</c>: requests a minute on /graphql and /api.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Api:RateLimits";

    /// <summary>Per client address, whatever the key (so that a flood of made-up keys is still bounded).</summary>
    [Range(1, int.MaxValue)]
    public int PerAddressPerMinute { get; set; } = 600;

    /// <summary>Per presented key, on top of the address limit.</summary>
    [Range(1, int.MaxValue)]
    public int PerKeyPerMinute { get; set; } = 1_200;
}
