using Microsoft.Net.Http.Headers;

namespace CoopGraph.Api.Http;

/// <summary>Media-type negotiation of the GraphQL-over-HTTP spec.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response type for an Accept header: application/graphql-response+json when the client prefers it,
    /// application/json when it asks for it, for anything (*/*) or says nothing; null when it accepts neither.
    /// </summary>
    public static string? Negotiate(string? accept)
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
        unsupportedCharset = false;
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed)
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
