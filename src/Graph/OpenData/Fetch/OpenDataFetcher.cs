using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoopGraph.Graph.OpenData.Tables;

namespace CoopGraph.Graph.OpenData.Fetch;

/// <summary>What to fetch: a source's address, or another dataset or URL for it, into a folder, through a mirror or not.</summary>
/// <param name="Dataset">Another data.gouv.fr dataset than the recorded one (another authority's subsidies, a dataset that moved).</param>
/// <param name="Url">The file's address itself, for a source with no stable one or a file found by hand.</param>
/// <param name="Mirror">
/// A server that holds a copy of the publishers' sites, each under its host name (<c>MIRROR/www.data.gouv.fr/api/…</c>):
/// for machines without internet access, and for tests.
/// </param>
public sealed record FetchRequest(OfficialAddress Address, string Folder, string? Dataset = null, Uri? Url = null, Uri? Mirror = null);

/// <summary>
/// Downloads a source's current file: resolves its address, streams it to a <c>.part</c> file while hashing it,
/// checks the publisher's checksum, then renames it and writes its manifest. A failed fetch leaves the folder as it was.
/// </summary>
public sealed partial class OpenDataFetcher(HttpClient http, TimeProvider? clock = null)
{
    /// <summary>JSON files larger than this are not opened again to check the connector reads them: it would hold them whole.</summary>
    private const long LargestJsonChecked = 256L * 1024 * 1024;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<FetchedFile> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var address = request.Address;
        var target = await ResolveAsync(request, cancellationToken);
        using var response = await http.GetAsync(Reach(request, target.Url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new OpenDataFetchException($"{target.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}; nothing was written.");
        }
        var (vintage, vintageFrom) = target.Vintage is not null ? (target.Vintage, target.VintageFrom)
            : response.Content.Headers.LastModified is { } modified
                ? (modified.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "the HTTP Last-Modified header")
                : ((string?)null, (string?)null);
        var name = FileNameFor(address.Source, target.FileName ?? response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), target.Url, vintage);

        Directory.CreateDirectory(request.Folder);
        var path = Path.Combine(request.Folder, name);
        var part = path + ".part";
        try
        {
            var (bytes, sha256, publisher) = await DownloadAsync(response, part, target.Checksum, cancellationToken);
            if (publisher is { Verified: false })
            {
                throw new OpenDataFetchException(
                    $"{target.Url}: the publisher gives {publisher.Type} {publisher.Value}, the bytes received do not match it; nothing was written.");
            }
            File.Move(part, path, overwrite: true);
            var fetched = new FetchedFile(address.Source, address.Publisher, request.Dataset is { } slug ? DataGouvDataset.PageOf(slug) : address.Page,
                target.Url, name, bytes, sha256, publisher, vintage, vintageFrom, _clock.GetUtcNow(), ConnectorReads(address.Source, path),
                address.Prepared);
            await WriteManifestAsync(path, fetched, cancellationToken);
            return fetched;
        }
        finally
        {
            File.Delete(part);
        }
    }

    private async Task<FetchTarget> ResolveAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (request.Url is { } url)
        {
            return new FetchTarget(url, null, null, null, null);
        }
        var recordedPick = request.Address.Locator is DataGouvDataset recorded ? recorded.Pick : "";
        if (request.Dataset is { } slug)
        {
            return await DataGouvResources.ResolveAsync(http, u => Reach(request, u), slug, recordedPick, cancellationToken);
        }
        return request.Address.Locator switch
        {
            DataGouvDataset dataset => await DataGouvResources.ResolveAsync(http, u => Reach(request, u), dataset.Slug, dataset.Pick, cancellationToken),
            FileAddress file => new FetchTarget(file.Url, file.FileName, null, null, null),
            PageOnly page => throw new OpenDataFetchException(
                $"'{request.Address.Source}' has no address a program can follow: {page.Why}. Download the file from {request.Address.Page}, or pass --url URL."),
            _ => throw new InvalidOperationException($"Unknown locator {request.Address.Locator.GetType().Name}."),
        };
    }

    /// <summary>Where a publisher's address is reached: itself, or its copy on the mirror under the host's name.</summary>
    private static Uri Reach(FetchRequest request, Uri url) =>
        request.Mirror is not { } mirror ? url
            : new Uri(new Uri(mirror.AbsoluteUri.EndsWith('/') ? mirror.AbsoluteUri : mirror.AbsoluteUri + "/"), url.Host + url.PathAndQuery);

    private static async Task<(long Bytes, string Sha256, PublisherChecksum? Publisher)> DownloadAsync(
        HttpResponseMessage response, string part, (string Type, string Value)? checksum, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var other = checksum is { } given && AlgorithmOf(given.Type) is { } algorithm ? IncrementalHash.CreateHash(algorithm) : null;
        long bytes = 0;
        await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken))
        await using (var file = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha256.AppendData(buffer, 0, read);
                other?.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }
        }
        var publisher = checksum is { } sum
            ? new PublisherChecksum(sum.Type, sum.Value,
                // A checksum of a kind not known here is reported as given and unchecked (null), never as matching.
                other is null ? null : Convert.ToHexStringLower(other.GetHashAndReset()).Equals(sum.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        return (bytes, Convert.ToHexStringLower(sha256.GetHashAndReset()), publisher);
    }

    private static HashAlgorithmName? AlgorithmOf(string type) => type.ToLowerInvariant() switch
    {
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        "sha512" => HashAlgorithmName.SHA512,
        "md5" => HashAlgorithmName.MD5,
        _ => null,
    };

    /// <summary>
    /// The publisher's file name, cleaned of anything a path would read; when it holds no year and the publisher gives
    /// a date, the year first, so that the import finds the file's vintage in its name as it does for every file.
    /// </summary>
    private static string FileNameFor(string source, string? given, Uri url, string? vintage)
    {
        var name = Path.GetFileName(given ?? Uri.UnescapeDataString(Path.GetFileName(url.AbsolutePath)));
        name = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)).Trim('.', ' ');
        if (name.Length == 0)
        {
            name = source;
        }
        return vintage is not null && !Year().IsMatch(name) ? $"{vintage[..4]}_{name}" : name;
    }

    /// <summary>Whether the source's connector finds the columns it needs in the fetched file.</summary>
    private static bool? ConnectorReads(string sourceName, string path)
    {
        if (!TableFiles.IsTableFile(path) || (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            && new FileInfo(path).Length > LargestJsonChecked))
        {
            return null;
        }
        var source = OpenDataSources.Find(sourceName);
        try
        {
            var (opened, _) = TableFiles.OpenOrLeaveOut(path, source.Reads);
            using (opened)
            {
                return opened is not null && source.Reads(opened.Table.Columns);
            }
        }
        catch (Exception e) when (e is OpenDataFormatException or IOException or JsonException)
        {
            return false;
        }
    }

    private static async Task WriteManifestAsync(string path, FetchedFile fetched, CancellationToken cancellationToken)
    {
        var manifest = FetchedFile.ManifestOf(path);
        await File.WriteAllTextAsync(manifest + ".part", JsonSerializer.Serialize(fetched, Indented), cancellationToken);
        File.Move(manifest + ".part", manifest, overwrite: true);
    }

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    [GeneratedRegex(@"(19|20)\d\d")]
    private static partial Regex Year();
}
