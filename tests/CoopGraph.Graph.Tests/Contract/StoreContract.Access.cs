using CoopGraph.Graph.Access;

namespace CoopGraph.Graph.Tests.Contract;

/// <summary>The store contract: API keys and trusted documents, kept where the graph is.</summary>
public abstract partial class StoreContract
{
    [ContractFact]
    public async Task ApiKeys_AreFoundByTheKey_ListedWithoutIt_AndRevoked()
    {
        await using var store = await OpenEmptyAsync();

        var key = await store.Keys.CreateAsync("observatoire", ApiScopes.Read | ApiScopes.Write, trustedDocumentsOnly: true, authorityId: null, Ct);
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => store.Keys.CreateAsync("observatoire", ApiScopes.Read, false, null, Ct));
        var found = await store.Keys.FindAsync(key, Ct);
        var listed = Assert.Single(await store.Keys.ListAsync(Ct));
        var revoked = await store.Keys.RevokeAsync("observatoire", Ct);
        var again = await store.Keys.RevokeAsync("observatoire", Ct);

        Assert.Equal(("observatoire", ApiScopes.Read | ApiScopes.Write, true), (found!.Name, found.Scopes, found.TrustedDocumentsOnly));
        Assert.Contains("exists already", duplicate.Message);
        Assert.DoesNotContain(key, listed.ToString());
        Assert.StartsWith(listed.Prefix, key, StringComparison.Ordinal);
        Assert.Null(await store.Keys.FindAsync(key + "x", Ct));
        Assert.True(revoked);
        Assert.False(again);
        Assert.False((await store.Keys.FindAsync(key, Ct))!.Allows(ApiScopes.Read));
    }

    [ContractFact]
    public async Task TrustedDocuments_AreRegisteredOnce_AndFoundByTheirHash()
    {
        await using var store = await OpenEmptyAsync();
        const string document = "query Gaps { cooperationGaps(first: 5) { score } }";

        var ids = await store.Documents.RegisterAsync([document, document], Ct);

        Assert.Equal([TrustedDocumentIds.Of(document), TrustedDocumentIds.Of(document)], ids);
        Assert.Equal(document, await store.Documents.FindAsync(ids[0], Ct));
        Assert.Null(await store.Documents.FindAsync(TrustedDocumentIds.Of("{ other }"), Ct));
    }
}
