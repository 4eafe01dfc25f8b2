using CoopGraph.Graph.Access;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>One store of each kind a contract test needs, all on one fresh database, and how to drop it.</summary>
public sealed class StoreUnderTest(IGraphStore graph, IStoreInitializer initializer, IApiKeyStore keys, ITrustedDocumentStore documents, Surveys.ISurveyStore surveys, Func<ValueTask> dispose)
    : IAsyncDisposable
{
    public IGraphStore Graph { get; } = graph;

    public IStoreInitializer Initializer { get; } = initializer;

    public IApiKeyStore Keys { get; } = keys;

    public ITrustedDocumentStore Documents { get; } = documents;

    public Surveys.ISurveyStore Surveys { get; } = surveys;

    public ValueTask DisposeAsync() => dispose();
}
