using CoopGraph.Graph.Neo4j.QueryApi;

namespace CoopGraph.Graph.Neo4j;

/// <summary>
/// The rows of one export statement (nodes, or the links of one type), page after page in seq order, each page an
/// auto-commit read. The next page is asked for as soon as the current one arrives, so that several of these read at
/// once while their reader consumes them: one page waits, one is on its way.
/// </summary>
internal sealed class SeqPages
{
    private readonly Neo4jQueryClient _client;
    private readonly CypherStatement _statement;
    private readonly Dictionary<string, object?> _parameters;
    private readonly Func<object?, long> _seq;
    private readonly int _pageSize;
    private readonly CancellationToken _cancellationToken;
    private Task<IReadOnlyList<object?[]>>? _next;
    private IReadOnlyList<object?[]> _page = [];
    private int _at;

    public SeqPages(
        Neo4jQueryClient client, CypherStatement statement, Dictionary<string, object?> parameters, Func<object?, long> seq, int pageSize,
        CancellationToken cancellationToken)
    {
        _client = client;
        _statement = statement;
        _parameters = parameters;
        _seq = seq;
        _pageSize = pageSize;
        _cancellationToken = cancellationToken;
        _next = FetchAsync(0);
    }

    /// <summary>The row under the cursor (its first column); valid after <see cref="MoveNextAsync"/> answered true.</summary>
    public object? Current { get; private set; }

    /// <summary>The seq of <see cref="Current"/>, which orders rows across several of these.</summary>
    public long CurrentSeq { get; private set; }

    public async ValueTask<bool> MoveNextAsync()
    {
        while (_at >= _page.Count)
        {
            if (_next is null)
            {
                return false;
            }
            _page = await _next;
            _at = 0;
            _next = _page.Count < _pageSize ? null : FetchAsync(_seq(_page[^1][0]));
        }
        Current = _page[_at++][0];
        CurrentSeq = _seq(Current);
        return true;
    }

    /// <summary>Waits for the page on its way, if any, so that nothing runs on after the export.</summary>
    public async Task DrainAsync()
    {
        if (_next is { } next)
        {
            try
            {
                await next;
            }
            catch (Exception e) when (e is Neo4jException or StoreUnavailableException or Neo4jProtocolException or OperationCanceledException)
            {
                // The export already failed or finished; this page is not needed.
            }
        }
    }

    private async Task<IReadOnlyList<object?[]>> FetchAsync(long after)
    {
        var parameters = new Dictionary<string, object?>(_parameters, StringComparer.Ordinal) { ["after"] = after, ["take"] = _pageSize };
        return (await _client.RunAsync(_statement, parameters, AccessMode.Read, _cancellationToken)).Rows;
    }
}
