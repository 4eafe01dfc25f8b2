using System.Globalization;
using System.Text.Json;
using CoopGraph.Api.Authentication;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Access;
using CoopGraph.Graph.Changes;
using CoopGraph.Graph.Interchange;
using Microsoft.AspNetCore.Http.Features;

namespace CoopGraph.Api.Http;

/// <summary>
/// GET /api/changes?since=VERSION (read scope): what changed after a version, as NDJSON lines that the import applies —
/// the current state of each node and link written since (the lines /api/export writes), and a deletion line for each
/// one gone (or no longer visible to the caller). Applied to a copy at that version, it gives the graph at the version
/// in the <see cref="VersionHeader"/> header (or later): the next request asks since that one.
/// </summary>
public static class ChangeEndpoints
{
    public const string VersionHeader = "X-CoopGraph-Version";

    private const int Page = 1000;

    public static async Task ChangesAsync(HttpContext http, OperationAccess access, IGraphStore store, IChangeFeed feed)
    {
        if (!await InterchangeEndpoints.AllowedAsync(http, access, ApiScopes.Read))
        {
            return;
        }
        if (!long.TryParse(http.Request.Query["since"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var since))
        {
            await ErrorBody.WriteAsync(http.Response, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "Give since=VERSION: the version of your copy (an export's X-CoopGraph-Version, or this header of the last changes).", http.RequestAborted);
            return;
        }
        var viewer = http.User.AsViewer();
        var upTo = await store.GetVersionAsync(http.RequestAborted);
        // The last change of each id decides: written (its current state is sent) or gone. One the copy never had
        // (created, or made visible, after 'since') and gone again is left out: the copy has nothing to delete.
        var last = new Dictionary<string, Change>(StringComparer.Ordinal);
        var hadIt = new Dictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            long after = 0;
            while (true)
            {
                var page = await feed.ReadChangesAsync(viewer, new ChangeQuery(after, Page, since, upTo, CountAll: false), http.RequestAborted);
                foreach (var item in page.Items)
                {
                    hadIt.TryAdd(item.Item.Id, item.Item.WasVisible);
                    last.Remove(item.Item.Id);
                    last[item.Item.Id] = item.Item;
                    after = item.Item.Seq;
                }
                if (!page.HasNextPage)
                {
                    break;
                }
            }
        }
        catch (ChangesExpiredException e)
        {
            http.Response.StatusCode = StatusCodes.Status410Gone;
            await http.Response.WriteAsJsonAsync(new
            {
                errors = new[] { new { message = e.Message, extensions = new { code = ErrorCodes.ChangesExpired, oldestVersion = e.OldestVersion } } },
            }, http.RequestAborted);
            return;
        }

        http.Response.ContentType = InterchangeEndpoints.NdjsonMediaType + "; charset=utf-8";
        http.Response.Headers[VersionHeader] = upTo.ToString(CultureInfo.InvariantCulture);
        http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        await using var buffered = new BufferedStream(http.Response.Body, 1 << 16);
        var changes = last.Values.Where(c => c.Op == ChangeOp.Upsert || hadIt[c.Id]).OrderBy(c => c.Seq).ToList();
        // Links go before the nodes they hang on, nodes before the links that need them.
        WriteDeletes(buffered, changes.Where(c => c.Op == ChangeOp.Delete && c.LinkType is not null).Select(c => ("link", c.Id)));
        WriteDeletes(buffered, changes.Where(c => c.Op == ChangeOp.Delete && c.NodeKind is not null).Select(c => ("node", c.Id)));
        var nodeIds = changes.Where(c => c.Op == ChangeOp.Upsert && c.NodeKind is not null).Select(c => c.Id).ToList();
        var linkIds = changes.Where(c => c.Op == ChangeOp.Upsert && c.LinkType is not null).Select(c => c.Id).ToList();
        // A service is written with its authority, which its PART_OF link names (as /api/export writes it).
        var services = changes.Where(c => c.Op == ChangeOp.Upsert && c.NodeKind == NodeKind.Service).Select(c => c.Id).ToList();
        foreach (var chunk in services.Chunk(Page))
        {
            var partOf = await store.GetLinksOfNodesAsync(viewer, chunk, [LinkType.PartOf], new PageRequest(10), http.RequestAborted);
            linkIds.AddRange(partOf.Values.SelectMany(p => p.Items).Select(i => i.Item).Where(l => chunk.Contains(l.SourceId)).Select(l => l.Id));
        }
        var gone = new List<(string What, string Id)>();
        using (var writer = new NdjsonGraphWriter(buffered))
        {
            foreach (var chunk in nodeIds.Chunk(Page))
            {
                var found = await store.GetNodesAsync(viewer, chunk, http.RequestAborted);
                foreach (var node in found)
                {
                    writer.AddNode(node);
                }
                gone.AddRange(chunk.Except(found.Select(n => n.Id), StringComparer.Ordinal).Select(id => ("node", id)));
            }
            foreach (var chunk in linkIds.Distinct(StringComparer.Ordinal).Chunk(Page))
            {
                var found = await store.GetLinksAsync(viewer, chunk, http.RequestAborted);
                foreach (var link in found)
                {
                    writer.AddLink(link);
                }
                gone.AddRange(chunk.Except(found.Select(l => l.Id), StringComparer.Ordinal).Select(id => ("link", id)));
            }
        }
        // Written and then deleted after the version read above: gone by now.
        WriteDeletes(buffered, gone.OrderBy(g => g.What == "node"));
        await buffered.FlushAsync(http.RequestAborted);
    }

    private static void WriteDeletes(Stream stream, IEnumerable<(string What, string Id)> deletes)
    {
        foreach (var (what, id) in deletes)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("op", "delete");
                json.WriteString("what", what);
                json.WriteString("id", id);
                json.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    }
}
