using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.OpenData;

/// <summary>Every node of a listing, page by page, for the directories an import joins against.</summary>
internal static class StoreNodes
{
    public static async Task ForEachAsync(IGraphStore store, NodeQuery query, Action<Node> visit, CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await store.ListNodesAsync(Viewer.Everything, query, new PageRequest(1_000, after), cancellationToken);
            foreach (var item in page.Items)
            {
                visit(item.Item);
            }
            if (!page.HasNextPage || page.Items.Count == 0)
            {
                return;
            }
            after = page.Items[^1].Cursor;
        }
    }
}
