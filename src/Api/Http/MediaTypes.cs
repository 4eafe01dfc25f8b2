using System.Collections.Concurrent;
using Microsoft.Net.Http.Headers;

namespace CoopGraph.Api.Http;

/// <summary>Media-type negotiation of the GraphQL-over-HTTP spec.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    // A client sends the same few headers with every request, and parsing them was 2 % of a small read's CPU: answers
    // are kept by the header's text, up to a bound that a flood of made-up headers cannot pass.
    private const int KeptHeaders = 64;
    private static readonly ConcurrentDictionary<string, string?> Negotiated = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (bool Json, bool UnsupportedCharset)> ContentTypes = new(StringComparer.Ordinal);

    /// <summary>How many header texts are kept with their answers.</summary>
    internal static int Kept => Negotiated.Count + ContentTypes.Count;

    /// <summary>
    /// The response type for an Accept header: application/graphql-response+json when the client prefers it,
    /// application/json when it asks for it, for anything (*/*) or says nothing; null when it accepts neither.
    /// </summary>
    public static string? Negotiate(string? accept)
    {
        if (accept is null)
        {
            return Json;
        }
        if (Negotiated.TryGetValue(accept, out var known))
        {
            return known;
        }
        var answer = NegotiateNew(accept);
        if (Negotiated.Count < KeptHeaders)
        {
            Negotiated.TryAdd(accept, answer);
        }
        return answer;
    }

    private static string? NegotiateNew(string accept)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            return Json;
        }
        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1.0))
        {
            if (range.Quality == 0)
            {
                continue;
            }
            var type = range.MediaType.Value;
            if (string.Equals(type, GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponse;
            }
            if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                return Json;
            }
        }
        return null;
    }

    public static bool IsJsonContent(string? contentType, out bool unsupportedCharset)
    {
        if (contentType is null)
        {
            unsupportedCharset = false;
            return false;
        }
        if (!ContentTypes.TryGetValue(contentType, out var known))
        {
            known.Json = IsJsonContentNew(contentType, out known.UnsupportedCharset);
            if (ContentTypes.Count < KeptHeaders)
            {
                ContentTypes.TryAdd(contentType, known);
            }
        }
        unsupportedCharset = known.UnsupportedCharset;
        return known.Json;
    }

    private static bool IsJsonContentNew(string contentType, out bool unsupportedCharset)
    {
        unsupportedCharset = false;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var charset = parsed.Charset.Value;
        unsupportedCharset = charset is not null && !string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
        return !unsupportedCharset;
    }
}
