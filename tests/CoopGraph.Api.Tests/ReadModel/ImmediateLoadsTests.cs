using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>
/// A request pinned to the version the read model holds gets its loads answered at once, and they are the answers the
/// batched loads give; a request that writes, or whose reader is not chosen yet, batches as before.
/// </summary>
public sealed class ImmediateLoadsTests(ImmediateLoadsTests.Factory factory) : IClassFixture<ImmediateLoadsTests.Factory>
{
    private const string Service = "svc:city-ccas";

    [Fact]
    public async Task LoadsOfARequestPinnedToTheReadModel_AreKnownAtOnce_AndEqualTheBatchedLoads()
    {
        var version = await HeldVersionAsync();
        using var pinned = factory.Services.CreateScope();
        pinned.ServiceProvider.GetRequiredService<RequestReader>().At(version, CancellationToken.None);
        var now = pinned.ServiceProvider.GetRequiredService<RequestLoaders>().For(null);
        using var writing = factory.Services.CreateScope();
        writing.ServiceProvider.GetRequiredService<RequestReader>().ForWrites();
        var batched = writing.ServiceProvider.GetRequiredService<RequestLoaders>().For(null);

        var node = Assert.IsAssignableFrom<IKnownResult>(now.Node(Service));
        Assert.Equal(Service, Assert.IsAssignableFrom<Node>(node.Value).Id);
        Assert.Equal(Facts((await batched.Node(Service).GetResultAsync())!), Facts((Node)node.Value!));
        Assert.Null(Assert.IsAssignableFrom<IKnownResult>(now.Node("no:such-node")).Value);

        var page = new PageRequest(3);
        var links = Assert.IsAssignableFrom<IKnownResult>(now.LinksOf(Service, null, page));
        var expectedLinks = (await batched.LinksOf(Service, null, page).GetResultAsync())!;
        var actualLinks = Assert.IsAssignableFrom<Page<Link>>(links.Value);
        Assert.True(expectedLinks.TotalCount > 3, "The service has more links than one page.");
        Assert.Equal(expectedLinks.TotalCount, actualLinks.TotalCount);
        Assert.Equal(expectedLinks.HasNextPage, actualLinks.HasNextPage);
        Assert.Equal(expectedLinks.Items.Select(i => (i.Item.Id, i.Cursor)), actualLinks.Items.Select(i => (i.Item.Id, i.Cursor)));

        // A chain of two loads (the service's authority through its PART_OF link) is known at once too.
        var authority = Assert.IsAssignableFrom<IKnownResult>(now.NeighbourNode(Service, LinkType.PartOf, LinkDirection.Outgoing));
        var expectedAuthority = await ResolveAsync(batched.NeighbourNode(Service, LinkType.PartOf, LinkDirection.Outgoing));
        Assert.Equal(Facts(Assert.IsAssignableFrom<Node>(expectedAuthority)), Facts(Assert.IsAssignableFrom<Node>(authority.Value)));

        var themes = Assert.IsAssignableFrom<IKnownResult>(now.NeighbourNodes(Service, LinkType.WorksOn, LinkDirection.Outgoing));
        var expectedThemes = Assert.IsAssignableFrom<IReadOnlyList<Node>>(await ResolveAsync(batched.NeighbourNodes(Service, LinkType.WorksOn, LinkDirection.Outgoing)));
        Assert.NotEmpty(expectedThemes);
        Assert.Equal(expectedThemes.Select(n => n.Id), Assert.IsAssignableFrom<IReadOnlyList<Node>>(themes.Value).Select(n => n.Id));

        var mapped = Assert.IsAssignableFrom<IKnownResult>(now.Node(Service).Then(n => n?.Name));
        Assert.Equal(((Node)node.Value!).Name, mapped.Value);
    }

    [Fact]
    public async Task ARequestThatWrites_OrHasNotChosenItsReader_BatchesItsLoads()
    {
        await HeldVersionAsync();
        using var writing = factory.Services.CreateScope();
        writing.ServiceProvider.GetRequiredService<RequestReader>().ForWrites();
        Assert.IsNotAssignableFrom<IKnownResult>(writing.ServiceProvider.GetRequiredService<RequestLoaders>().For(null).Node(Service));

        using var unpinned = factory.Services.CreateScope();
        var loaders = unpinned.ServiceProvider.GetRequiredService<RequestLoaders>().For(null);
        var first = loaders.Node(Service);
        Assert.IsNotAssignableFrom<IKnownResult>(first);
        Assert.Equal(Service, (await first.GetResultAsync())!.Id);
        // Once the first batch has chosen the reader (the read model, which holds the store's version), loads are known.
        Assert.IsAssignableFrom<IKnownResult>(loaders.Node(Service));
    }

    // Nodes from the store and from the read model are equal records but for the identity of their lists.
    private static (string, string, NodeKind, string?) Facts(Node node) => (node.Id, node.Name, node.Kind, node.PrivateTo);

    // The engine awaits a loader result and awaits again what it gives, until it is a value.
    private static async Task<object?> ResolveAsync(global::GraphQL.DataLoader.IDataLoaderResult result)
    {
        object? value = result;
        while (value is global::GraphQL.DataLoader.IDataLoaderResult pending)
        {
            value = await pending.GetResultAsync();
        }
        return value;
    }

    private Task<long> HeldVersionAsync() => HeldVersion.WaitAsync(factory.Services);

    /// <summary>The demo graph; a reader waits for the read model of its version.</summary>
    public sealed class Factory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.UseSetting("Graph:ReadModelMaxWaitMilliseconds", "60000");
    }
}
