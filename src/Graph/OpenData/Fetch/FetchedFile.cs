namespace CoopGraph.Graph.OpenData.Fetch;

/// <summary>
/// What a fetch brought, written beside the file as <c>FILE.fetch.json</c> and on the verb's output: where it came
/// from, its SHA-256, the publisher's checksum when it gives one, and its vintage.
/// </summary>
/// <param name="Vintage">The date the publisher gives for this edition (its last change), when it gives one.</param>
/// <param name="VintageFrom">Where that date comes from: the dataset's record of the file, or the HTTP Last-Modified header.</param>
/// <param name="ReadByConnector">Whether the source's connector reads the fetched file as it is; null when not checked.</param>
public sealed record FetchedFile(
    string Source,
    string Publisher,
    Uri Page,
    Uri Url,
    string File,
    long Bytes,
    string Sha256,
    PublisherChecksum? PublisherChecksum,
    string? Vintage,
    string? VintageFrom,
    DateTimeOffset FetchedAt,
    bool? ReadByConnector,
    string? Prepared)
{
    /// <summary>The name of the manifest written beside a fetched file; an import leaves it out by this name.</summary>
    public static string ManifestOf(string file) => file + Tables.TableFiles.FetchManifestSuffix;
}

/// <summary>The checksum a publisher gives for a file, and whether the bytes received match it (null: a kind not checked here).</summary>
public sealed record PublisherChecksum(string Type, string Value, bool? Verified);
