using System.Text.Json;
using CoopGraph.Graph.OpenData;
using CoopGraph.Graph.OpenData.Fetch;

namespace CoopGraph.Api.Commands;

/// <summary>
/// <c>opendata fetch --source NAME --out DIR [--dataset SLUG | --url URL] [--mirror URL]</c>: downloads the current
/// file of a source from its publisher, with its SHA-256 and vintage in a manifest beside it; and
/// <c>opendata addresses</c>: where each source is published. Exit 2 for a usage error, 1 for a fetch that failed.
/// </summary>
public static class OpenDataFetchCommand
{
    private const string Usage = "usage: opendata fetch --source NAME --out DIR [--dataset SLUG | --url URL] [--mirror URL]   (addresses: opendata addresses)";

    public static async Task<int> AddressesAsync(TextWriter output)
    {
        foreach (var address in OfficialAddresses.All)
        {
            var how = address.Locator switch
            {
                DataGouvDataset dataset => $"data.gouv.fr dataset {dataset.Slug}",
                FileAddress file => file.Url.ToString(),
                _ => "by hand from " + address.Page,
            };
            await output.WriteLineAsync($"{address.Source,-32} {address.Publisher}: {how}{(address.Prepared is null ? "" : "  (the connector reads a prepared file)")}");
        }
        return 0;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (Parse(args) is not { } options)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        if (OfficialAddresses.Of(options.Source) is not { } address)
        {
            await errors.WriteLineAsync($"Unknown source '{options.Source}': one of {string.Join(", ", OpenDataSources.All.Select(s => s.Name))}.");
            return 2;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("CoopGraph-opendata-fetch");
        var request = new FetchRequest(address, options.Folder, options.Dataset, options.Url, options.Mirror);
        try
        {
            var fetched = await new OpenDataFetcher(http).FetchAsync(request, cancellationToken);
            await output.WriteLineAsync(JsonSerializer.Serialize(fetched, JsonSerializerOptions.Web));
            await errors.WriteLineAsync(
                $"{Path.Combine(options.Folder, fetched.File)} ({fetched.Source}{(fetched.Vintage is null ? "" : ", " + fetched.Vintage)}): {fetched.Bytes:N0} bytes, sha256 {fetched.Sha256}"
                + (fetched.PublisherChecksum is { Verified: true } sum ? $", matches the publisher's {sum.Type}" : "") + ".");
            if (fetched.ReadByConnector == false)
            {
                // Not a failed fetch: the publisher's file is what was asked for. Said, with what the connector reads instead.
                await errors.WriteLineAsync($"The {fetched.Source} connector does not read this file as published"
                    + (fetched.Prepared is null ? ": its columns have changed." : $"; it reads {fetched.Prepared}."));
            }
            return 0;
        }
        catch (OpenDataFetchException e)
        {
            await errors.WriteLineAsync($"{address.Source}: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            await errors.WriteLineAsync($"{address.Source}: the publisher could not be reached ({e.Message}); nothing was written.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync($"{address.Source}: the publisher did not answer within {http.Timeout.TotalMinutes:N0} minutes; nothing was written.");
        }
        return 1;
    }

    private sealed record Options(string Source, string Folder, string? Dataset, Uri? Url, Uri? Mirror);

    private static Options? Parse(string[] args)
    {
        string? source = null, folder = null, dataset = null;
        Uri? url = null, mirror = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--source": source = value; break;
                case "--out": folder = value; break;
                case "--dataset": dataset = value; break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var given): url = given; break;
                case "--mirror" when Uri.TryCreate(value, UriKind.Absolute, out var given): mirror = given; break;
                default: return null;
            }
        }
        return args.Length % 2 == 0 && source is not null && folder is not null && (dataset is null || url is null)
            ? new Options(source, folder, dataset, url, mirror)
            : null;
    }
}
