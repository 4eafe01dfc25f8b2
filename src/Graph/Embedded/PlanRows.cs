using System.Collections.Concurrent;
using CoopGraph.Domain.Writes;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The node and link rows of a plan, encoded for SQLite (see <see cref="EncodedRows"/>), in the plan's order. Their
/// memory (a few hundred kilobytes a batch, pinned) is handed from batch to batch: allocated afresh for every batch,
/// it cost an import more in collections than the encoding saved.
/// </summary>
internal sealed class PlanRows
{
    private static readonly ConcurrentBag<PlanRows> Free = [];

    private int _released;

    private PlanRows()
    {
    }

    public EncodedRows Nodes { get; } = new(NodeRows.Parameters.Count);

    public EncodedRows Links { get; } = new(LinkRows.Parameters.Count);

    public static PlanRows Encode(WritePlan plan)
    {
        var rows = Free.TryTake(out var free) ? free : new PlanRows();
        rows._released = 0;
        foreach (var node in plan.Nodes)
        {
            rows.Nodes.Add();
            NodeRows.Bind(rows.Nodes, node);
        }
        foreach (var planned in plan.Links)
        {
            rows.Links.Add();
            LinkRows.Bind(rows.Links, planned.Link);
        }
        return rows;
    }

    /// <summary>Gives the memory back once the rows are written or will never be; the rows must not be used after.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }
        Nodes.Clear();
        Links.Clear();
        // A few are enough: one batch is checked while another is written.
        if (Free.Count < 4)
        {
            Free.Add(this);
        }
    }
}
