namespace CoopGraph.Graph.Interchange;

public sealed record RejectedLine(long Line, string Reason);

/// <param name="Completed">False when the import stopped early (cancelled, client gone): every committed batch is whole, re-run to finish.</param>
public sealed record ImportReport(long LinesRead, long NodesWritten, long LinksWritten, long Deleted, long Rejected, IReadOnlyList<RejectedLine> RejectedLines, bool Completed);

public sealed record ImportProgress(long LinesRead, long Written, long Rejected);

/// <summary>The counts of one import run, and the refused lines it lists (all are counted).</summary>
/// <param name="onRejected">Told of each refused line as it is refused (on the import's writing thread).</param>
internal sealed class ImportTally(int maxReportedRejections, Action<RejectedLine>? onRejected = null)
{
    private readonly List<RejectedLine> _rejectedLines = [];
    private long _rejected;
    private long _nodes;
    private long _links;
    private long _deleted;

    public void Reject(RejectedLine line)
    {
        _rejected++;
        onRejected?.Invoke(line);
        if (_rejectedLines.Count < maxReportedRejections)
        {
            _rejectedLines.Add(line);
        }
    }

    public void Written(Domain.Writes.GraphBatch batch)
    {
        _nodes += batch.Nodes.Count;
        _links += batch.Links.Count;
        _deleted += batch.NodeDeletes.Count + batch.LinkDeletes.Count;
    }

    public ImportProgress Progress(long linesRead) => new(linesRead, _nodes + _links + _deleted, _rejected);

    public ImportReport Report(long linesRead, bool completed) =>
        new(linesRead, _nodes, _links, _deleted, _rejected, _rejectedLines.OrderBy(r => r.Line).ToList(), completed);
}
