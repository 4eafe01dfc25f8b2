namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>
/// An explicit transaction of the Query API. One request at a time (the server refuses concurrent ones); disposing it
/// without a commit rolls it back. When a statement fails, the server has already rolled it back.
/// </summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    private readonly Neo4jQueryClient _client;
    private readonly string _path;
    private readonly string? _affinity;
    private bool _finished;

    internal Neo4jTransaction(Neo4jQueryClient client, string path, string? affinity)
    {
        _client = client;
        _path = path;
        _affinity = affinity;
    }

    public async Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            return await _client.RunInAsync(_path, _affinity, statement, parameters, cancellationToken);
        }
        catch (Neo4jException)
        {
            // The server removes a transaction whose statement failed: nothing is left to roll back.
            _finished = true;
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken) => await CommitAsync(null, null, cancellationToken);

    /// <summary>Runs a last statement and commits, in one request; a failing statement rolls everything back.</summary>
    public async Task<QueryResult> CommitAsync(CypherStatement? statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        return await _client.CommitAsync(_path, _affinity, statement, parameters, cancellationToken);
    }

    /// <summary>Keeps the transaction from expiring while it waits (the server's idle timeout).</summary>
    public async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        await _client.KeepAliveAsync(_path, _affinity, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _finished = true;
            try
            {
                // Not the caller's token: a cancelled request must still release the server's locks.
                await _client.RollbackAsync(_path, _affinity, CancellationToken.None);
            }
            catch (Exception e) when (e is StoreUnavailableException or Neo4jException or Neo4jProtocolException)
            {
                // The server rolls back an idle transaction by itself when its timeout passes.
            }
        }
    }
}
