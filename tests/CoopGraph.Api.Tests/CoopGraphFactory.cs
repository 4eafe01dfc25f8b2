using CoopGraph.Graph;
using CoopGraph.Graph.Embedded;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests;

/// <summary>The real app over HTTP, on its own SQLite file seeded with the demo data; store calls are counted.</summary>
public sealed class CoopGraphFactory : IsolatedAppFactory
{
    public CountingStore? Counter { get; private set; }

    protected override void Configure(IWebHostBuilder builder)
    {
        // A local instance: writes without a key (AccessTests runs with keys required).
        builder.UseSetting("Api:AllowAnonymousWrite", "true");
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IGraphStore>(sp => Counter = new CountingStore(sp.GetRequiredService<EmbeddedGraphStore>())));
    }
}
