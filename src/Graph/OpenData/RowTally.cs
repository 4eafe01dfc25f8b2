using CoopGraph.Graph.Interchange;

namespace CoopGraph.Graph.OpenData;

/// <summary>What an open-data import says as it goes and at its end, in the file's own terms.</summary>
/// <param name="RowsRead">Rows of the file read so far.</param>
/// <param name="RowsRejected">Distinct rows with at least one item the model refused.</param>
/// <param name="LinksNotJoined">Links not written because their other end is not in the graph (a join that found nothing, not a refusal).</param>
public sealed record OpenDataProgress(long RowsRead, long RowsRejected, long LinksNotJoined);

/// <summary>
/// Takes an import's refusals back to the file's rows as they happen, so that the progress line and the final report
/// count the same things: the reading thread records which row each import line came from, the writing thread
/// classifies each refused line (a link whose other end is missing, or a row the model refused).
/// </summary>
internal sealed class RowTally
{
    private const string NotJoinedPrefix = "No node has id ";

    private readonly Lock _lock = new();
    private readonly List<(long Row, bool IsLink)> _rowOfLine = [];
    private readonly HashSet<long> _rejectedRows = [];
    private readonly List<RejectedRow> _rejected = [];
    private long _rows;
    private long _notJoined;

    /// <summary>Refusals of the model, in the order met, with their rows.</summary>
    public IReadOnlyList<RejectedRow> Rejected => _rejected;

    public long NotJoined => Interlocked.Read(ref _notJoined);

    public void RowRead() => Interlocked.Increment(ref _rows);

    /// <summary>Records the row of the next import line; returns that line's number.</summary>
    public long LineFrom(long row, bool isLink)
    {
        lock (_lock)
        {
            _rowOfLine.Add((row, isLink));
            return _rowOfLine.Count;
        }
    }

    public void Refused(RejectedLine line)
    {
        lock (_lock)
        {
            var (row, isLink) = _rowOfLine[(int)line.Line - 1];
            if (isLink && line.Reason.StartsWith(NotJoinedPrefix, StringComparison.Ordinal))
            {
                _notJoined++;
                return;
            }
            _rejectedRows.Add(row);
            _rejected.Add(new RejectedRow(row, line.Reason));
        }
    }

    /// <summary>A row the source refused before any item was made of it.</summary>
    public void RefusedBySource(long row, string reason)
    {
        lock (_lock)
        {
            _rejectedRows.Add(row);
            _rejected.Add(new RejectedRow(row, reason));
        }
    }

    public OpenDataProgress Progress()
    {
        lock (_lock)
        {
            return new OpenDataProgress(Interlocked.Read(ref _rows), _rejectedRows.Count, _notJoined);
        }
    }
}
