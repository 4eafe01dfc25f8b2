namespace CoopGraph.Api.Http;

/// <summary>
/// The one writer of error bodies outside GraphQL execution (refused requests, limits, an unreachable store): the shape a
/// GraphQL response has, <c>{"errors":[{"message","extensions":{"code"}}]}</c>, so that clients read every error alike.
/// </summary>
public static class ErrorBody
{
    public static async Task WriteAsync(
        HttpResponse response, int status, string code, string message, CancellationToken cancellationToken, string mediaType = MediaTypes.Json)
    {
        response.StatusCode = status;
        response.ContentType = mediaType + "; charset=utf-8";
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }
        var body = new { errors = new[] { new { message, extensions = new { code } } } };
        await System.Text.Json.JsonSerializer.SerializeAsync(response.Body, body, cancellationToken: cancellationToken);
    }
}
