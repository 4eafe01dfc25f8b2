using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Api.GraphQL.Loading;

/// <summary>
/// The one reader of a request (registered scoped): chosen at the request's first read for the store version current
/// then (see <see cref="ReadModelProvider"/>), and kept for all its reads, so that one request answers from one version
/// when the read model has it. A request that reads nothing (<c>{ __typename }</c>) never asks the store its version.
/// A mutation writes between its reads, so each of its reads asks again: what it returns includes its own writes.
/// </summary>
public sealed class RequestReader(ReadModelProvider readModel, Graph.Projections.ProjectionProvider projections)
{
    private readonly Lock _gate = new();
    private Task<IGraphReader>? _reader;
    private bool _writes;
    private Responses.ReadSet? _reads;
    private Task<IGraphReader>? _recorded;
    private RecordingReader? _recordedImmediate;
    private long? _version;

    /// <summary>Whether a version read before execution would choose the reader (the read model may answer).</summary>
    public bool Pinnable => readModel.Serves;

    /// <summary>Called before execution when the operation writes: no reader is kept from one read to the next.</summary>
    public void ForWrites() => _writes = true;

    /// <summary>
    /// Before execution, when the answer may be kept: every read of the request is noted in <paramref name="reads"/>.
    /// </summary>
    public void Record(Responses.ReadSet reads) => _reads = reads;

    /// <summary>
    /// Before execution, when the caller has just read the store's version: the request's reads answer for it, without
    /// asking again.
    /// </summary>
    public void At(long version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _version ??= version;
            _reader ??= readModel.ReaderAsync(version, cancellationToken).AsTask();
        }
    }

    /// <summary>
    /// The read model's snapshot when it is the request's reader, for its own lookups (a node's place in listings);
    /// null when the store answers. Its listings are to be read through <see cref="GetAsync"/>, which records them.
    /// </summary>
    public async Task<ReadModelSnapshot?> SnapshotAsync(CancellationToken cancellationToken) =>
        await GetAsync(cancellationToken) switch
        {
            RecordingReader { Inner: ReadModelSnapshot snapshot } => snapshot,
            ReadModelSnapshot snapshot => snapshot,
            _ => null,
        };

    /// <summary>
    /// The projection, for a read that the projection answers faster than the store (listings by territory at national
    /// scale). It may lag the store by a moment: an answer that may be kept is kept only when the projection is of the
    /// very version the request reads, and then as a wide read (any change drops it).
    /// </summary>
    public async Task<CoopGraph.Domain.Analytics.Projection.GraphProjection> ProjectionAsync(CancellationToken cancellationToken)
    {
        var projection = await projections.GetAsync(cancellationToken);
        if (_reads is { } reads)
        {
            reads.All();
            if (projection.Version != _version)
            {
                reads.Unkeepable();
            }
        }
        return projection;
    }

    /// <summary>
    /// The store's search for the request. The read model, when it is the reader, searches itself; otherwise the index
    /// held beside the projection answers when it is of the store's version (at scale FTS5 ranks every match of a common
    /// word), and the store when it is not. A search reads every node's text: an answer from the index is recorded as a
    /// wide read, as the reader records a search of its own.
    /// </summary>
    public async Task<IReadOnlyList<Node>> SearchAsync(Viewer viewer, string text, int first, CancellationToken cancellationToken)
    {
        var reader = await GetAsync(cancellationToken);
        if (await SnapshotAsync(cancellationToken) is null
            && await projections.SearchAsync(reader, viewer, text, first, _writes ? null : _version, cancellationToken) is { } found)
        {
            _reads?.All();
            return found;
        }
        return await reader.SearchAsync(viewer, text, first, cancellationToken);
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
            if (reader is not { IsCompletedSuccessfully: true } || reader.Result is not IImmediateGraphReader immediate)
            {
                return null;
            }
            if (_reads is not { } reads)
            {
                return immediate;
            }
            // Two fields asking at once may each make one; both note into the same set.
            return _recordedImmediate ??= new RecordingReader(reader.Result, immediate, reads);
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
            _reader ??= readModel.ReaderAsync(cancellationToken).AsTask();
            return _reads is { } reads ? _recorded ??= RecordedAsync(_reader, reads) : _reader;
        }
    }

    private static async Task<IGraphReader> RecordedAsync(Task<IGraphReader> reader, Responses.ReadSet reads)
    {
        var inner = await reader;
        return new RecordingReader(inner, inner as IImmediateGraphReader, reads);
    }
}
