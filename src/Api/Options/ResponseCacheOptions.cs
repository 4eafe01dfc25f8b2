using System.ComponentModel.DataAnnotations;

namespace CoopGraph.Api.Options;

/// <summary>Configuration section <c>Api:ResponseCache</c>: answers of entity reads kept for the store version they answer.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "Api:ResponseCache";

    /// <summary>The bytes of answers (and their keys) held at most; 0 turns the cache off.</summary>
    [Range(0, long.MaxValue)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}
