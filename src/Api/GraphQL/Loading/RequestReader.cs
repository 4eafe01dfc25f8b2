using CoopGraph.Graph;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Api.GraphQL.Loading;

/// <summary>
/// The one reader of a request (registered scoped): chosen at the request's first read for the store version current
/// then (see <see cref="ReadModelProvider"/>), and kept for all its reads, so that one request answers from one version
/// when the read model has it. A request that reads nothing (<c>{ __typename }</c>) never asks the store its version.
/// A mutation writes between its reads, so each of its reads asks again: what it returns includes its own writes.
/// </summary>
public sealed class RequestReader(ReadModelProvider readModel)
{
    private readonly Lock _gate = new();
    private Task<IGraphReader>? _reader;
    private bool _writes;

    /// <summary>Whether a version read before execution would choose the reader (the read model may answer).</summary>
    public bool Pinnable => readModel.Serves;

    /// <summary>Called before execution when the operation writes: no reader is kept from one read to the next.</summary>
    public void ForWrites() => _writes = true;

    /// <summary>
    /// Before execution, when the caller has just read the store's version: the request's reads answer for it, without
    /// asking again.
    /// </summary>
    public void At(long version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _reader ??= readModel.ReaderAsync(version, cancellationToken).AsTask();
        }
    }

    /// <summary>
    /// The request's reader when it is already chosen and answers single keys at once (the read model); else null, and
    /// reads are batched.
    /// </summary>
    public IImmediateGraphReader? Immediate
    {
        get
        {
            if (_writes)
            {
                return null;
            }
            // Read on every field's load: a reference read is atomic, and the reader, once set, stays for the request.
            var reader = Volatile.Read(ref _reader);
            return reader is { IsCompletedSuccessfully: true } && reader.Result is IImmediateGraphReader immediate ? immediate : null;
        }
    }

    public Task<IGraphReader> GetAsync(CancellationToken cancellationToken)
    {
        if (_writes)
        {
            return readModel.ReaderAsync(cancellationToken).AsTask();
        }
        lock (_gate)
        {
            return _reader ??= readModel.ReaderAsync(cancellationToken).AsTask();
        }
    }
}
