using System.Collections.Concurrent;
using System.Text;

using CoopGraph.Api.Http;

namespace CoopGraph.Api.Bench;

/// <summary>
/// The load kit's yardstick (bench/): a POST that reads its body and answers a fixed JSON body of the asked size,
/// doing no GraphQL work, so that a run measures what the HTTP stack alone can do on the machine. Compiled only into the
/// kit's build (<c>-p:BenchEndpoints=true</c>), and even there mapped only when <c>Api:Bench:Ceiling</c> is true.
/// </summary>
public static class CeilingEndpoint
{
    public const string Path = "/bench/ceiling";
    private const int MaxBytes = 4 * 1024 * 1024;
    private static readonly ConcurrentDictionary<int, byte[]> Bodies = new();

    public static void MapCoopGraphCeiling(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Api:Bench:Ceiling", false))
        {
            return;
        }
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, int? bytes) =>
        {
            // Read the request as the GraphQL endpoint does, so that both pay for the same bytes in.
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            var body = Bodies.GetOrAdd(Math.Clamp(bytes ?? 256, 32, MaxBytes), Make);
            http.Response.ContentType = MediaTypes.GraphQLResponse;
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        });
    }

    private static byte[] Make(int size)
    {
        const string head = "{\"data\":{\"ceiling\":\"";
        const string tail = "\"}}";
        return Encoding.UTF8.GetBytes(head + new string('x', size - head.Length - tail.Length) + tail);
    }
}
