using CoopGraph.Api.Http;
using Microsoft.AspNetCore.Http;

namespace CoopGraph.Api.Tests;

/// <summary>
/// A request whose caller left ends as 499 for the request log, not as an unhandled error; the server's own
/// cancellations are still errors.
/// </summary>
public sealed class ClientClosedRequestTests
{
    [Fact]
    public async Task ACancellationOfTheCallersRequest_EndsAs499()
    {
        using var left = new CancellationTokenSource();
        var http = new DefaultHttpContext { RequestAborted = left.Token };
        http.Response.Headers["X-Partial"] = "written before";

        await ClientClosedRequest.HandleAsync(http, async _ =>
        {
            await left.CancelAsync();
            left.Token.ThrowIfCancellationRequested();
        });

        Assert.Equal(ClientClosedRequest.Status, http.Response.StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("X-Partial"));
    }

    [Fact]
    public async Task ACancellationOfTheServersOwn_StillFails()
    {
        var http = new DefaultHttpContext();
        using var limit = new CancellationTokenSource();
        await limit.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ClientClosedRequest.HandleAsync(http, _ => Task.FromCanceled(limit.Token)));
    }

    [Fact]
    public async Task AnotherFailure_OfALeftRequest_StillFails()
    {
        using var left = new CancellationTokenSource();
        await left.CancelAsync();
        var http = new DefaultHttpContext { RequestAborted = left.Token };

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ClientClosedRequest.HandleAsync(http, _ => throw new InvalidOperationException("a bug")));
    }
}
