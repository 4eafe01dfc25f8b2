using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoopGraph.Graph.OpenData.Fetch;

/// <summary>
/// Finds a dataset's current file through data.gouv.fr's API (<c>GET /api/1/datasets/{slug}/</c>): its resources
/// carry their address, type (main file or documentation), date of last change and, for files data.gouv.fr hosts, a
/// checksum. The current file is the most recently changed main resource whose title or file name matches the pick.
/// </summary>
internal static class DataGouvResources
{
    public static async Task<FetchTarget> ResolveAsync(
        HttpClient http, Func<Uri, Uri> reach, string slug, string pick, CancellationToken cancellationToken)
    {
        var api = new DataGouvDataset(slug, pick).DatasetApi();
        using var response = await http.GetAsync(reach(api), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new OpenDataFetchException(
                $"data.gouv.fr has no dataset '{slug}' ({api} answered 404): it may have moved. Find it on data.gouv.fr and pass --dataset SLUG, or pass --url URL.");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new OpenDataFetchException($"{api} answered {(int)response.StatusCode} {response.ReasonPhrase}; nothing was written.");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            throw new OpenDataFetchException($"{api} did not answer a dataset with resources; nothing was written.");
        }
        var matching = new Regex(pick, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var candidates = resources.EnumerateArray().Select(Read).Where(r => r is not null).Select(r => r!).ToList();
        var chosen = candidates
            .Where(r => r.IsMain && (matching.IsMatch(r.Title) || matching.IsMatch(r.FileName)))
            .OrderByDescending(r => r.LastModified)
            .FirstOrDefault();
        if (chosen is null)
        {
            var titles = string.Join("; ", candidates.Take(20).Select(r => r.Title));
            throw new OpenDataFetchException(
                $"No main resource of data.gouv.fr dataset '{slug}' matches '{pick}' (its resources: {titles}); pass --url URL to take one.");
        }
        return new FetchTarget(chosen.Url, chosen.FileName, chosen.LastModified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            chosen.LastModified is null ? null : "data.gouv.fr's record of the file's last change", chosen.Checksum);
    }

    private sealed record Resource(string Title, Uri Url, string FileName, bool IsMain, DateTimeOffset? LastModified, (string, string)? Checksum);

    private static Resource? Read(JsonElement resource)
    {
        if (Text(resource, "url") is not { } address || !Uri.TryCreate(address, UriKind.Absolute, out var url))
        {
            return null;
        }
        var type = Text(resource, "type");
        DateTimeOffset? changed = DateTimeOffset.TryParse(Text(resource, "last_modified"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        (string, string)? checksum = resource.TryGetProperty("checksum", out var sum) && sum.ValueKind == JsonValueKind.Object
            && Text(sum, "type") is { } kind && Text(sum, "value") is { } value ? (kind, value) : null;
        return new Resource(Text(resource, "title") ?? "", url, Uri.UnescapeDataString(Path.GetFileName(url.AbsolutePath)),
            type is null || type == "main", changed, checksum);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
