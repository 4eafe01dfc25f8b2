using CoopGraph.Graph.Embedded;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>The store contract on the embedded store: a real SQLite file per test.</summary>
public sealed class EmbeddedStoreContractTests : StoreContract
{
    protected override async Task<StoreUnderTest> OpenEmptyAsync()
    {
        var temp = await TempStore.CreateAsync();
        return new StoreUnderTest(
            temp.Store, temp.Store, new EmbeddedApiKeyStore(temp.Store, TimeProvider.System), new EmbeddedTrustedDocumentStore(temp.Store, TimeProvider.System),
            new EmbeddedSurveyStore(temp.Store),
            temp.DisposeAsync);
    }
}
