using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using CoopGraph.Graph.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.Privacy;

/// <summary>
/// The real app over the demo data plus two authorities with private data: A ("zorgluba…" ids, "ZorglubA" names) and
/// B ("zorglubb…", "ZorglubB"). Keys: an administrator, a key bound to each authority, a key bound to none.
/// Anonymous reading stays on, as by default.
/// </summary>
public class PrivateDataFactory : IsolatedAppFactory, IAsyncLifetime
{
    /// <summary>False for the same graph without A's private data: what everyone but A must be answered.</summary>
    protected virtual bool WithPrivateDataOfA => true;

    public const string AuthorityA = "auth:pa";
    public const string AuthorityB = "auth:pb";

    /// <summary>A's private ids: nodes first, then links.</summary>
    public static readonly string[] PrivateIdsOfA =
    [
        "zorgluba:svc-mobility", "zorgluba:sse-garage", "zorgluba:pol-call",
        "zorgluba:coop-social-mobility", "zorgluba:coop-mobility-garage", "zorgluba:coop-publics", "zorgluba:funds", "zorgluba:applied",
    ];

    public static readonly string[] PrivateNamesOfA = ["ZorglubA mobilité", "ZorglubA garage solidaire", "ZorglubA appel à projets"];

    /// <summary>Public ids whose answers private data would change: analyses and neighbourhoods are asked about them too.</summary>
    public static readonly string[] PublicIds = [AuthorityA, AuthorityB, "sse:pub-velo", "sse:pub-epicerie", "svc:pa-social"];

    public string AdminKey { get; private set; } = "";
    public string KeyOfA { get; private set; } = "";
    public string KeyOfB { get; private set; } = "";
    public string UnboundKey { get; private set; } = "";

    protected override void Configure(IWebHostBuilder builder)
    {
        // Generated queries select every field a few levels deep: larger than a person writes, within what the server parses.
        builder.UseSetting("Api:Limits:MaxTokens", "200000");
        builder.UseSetting("Api:Limits:MaxQueryLength", "1000000");
        builder.UseSetting("Api:Limits:MaxComplexity", "10000000");
        builder.UseSetting("Api:Limits:MaxFragments", "1000");
        builder.UseSetting("Api:Limits:MaxAliases", "1000");
        // Each viewer asks every field about a dozen ids: far more than a minute's allowance of one client.
        builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        builder.UseSetting("Api:RateLimits:PerKeyPerMinute", "1000000");
    }

    public async Task InitializeAsync()
    {
        var store = Services.GetRequiredService<IGraphStore>();
        var result = await store.WriteAsync(Scenario(WithPrivateDataOfA), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var keys = Services.GetRequiredService<IApiKeyStore>();
        AdminKey = await keys.CreateAsync("admin", ApiScopes.Admin, false, null, CancellationToken.None);
        KeyOfA = await keys.CreateAsync("manager-a", ApiScopes.Read | ApiScopes.Write, false, AuthorityA, CancellationToken.None);
        KeyOfB = await keys.CreateAsync("manager-b", ApiScopes.Read | ApiScopes.Write, false, AuthorityB, CancellationToken.None);
        UnboundKey = await keys.CreateAsync("partner", ApiScopes.Read | ApiScopes.Write, false, null, CancellationToken.None);
    }

    // The factory itself is disposed by xunit as any fixture (IDisposable): its folder goes with it.
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public HttpClient ClientWith(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    /// <summary>
    /// A: a public social service, and privately a mobility service cooperating with it (a transversal link), a garage
    /// association, a call for projects, a cooperation between two public associations, a funding and an application.
    /// B: privately, a service cooperating with a public association.
    /// </summary>
    private static GraphBatch Scenario(bool withPrivateDataOfA)
    {
        var theme = "theme:daily-mobility";
        Node[] nodes =
        [
            new Theme { Id = theme, Name = "Mobilité du quotidien", Domain = PolicyDomain.Transport },
            new Authority { Id = AuthorityA, Name = "Commune d'Aubeterre", Level = AuthorityLevel.Commune },
            new Authority { Id = AuthorityB, Name = "Commune de Bressuire", Level = AuthorityLevel.Commune },
            new Service { Id = "svc:pa-social", Name = "Action sociale d'Aubeterre", Domain = PolicyDomain.Social },
            new SseActor { Id = "sse:pub-velo", Name = "Vélo pour tous", LegalForm = LegalForm.Association },
            new SseActor { Id = "sse:pub-epicerie", Name = "Épicerie solidaire", LegalForm = LegalForm.Association },
            new Service { Id = PrivateIdsOfA[0], Name = PrivateNamesOfA[0], Domain = PolicyDomain.Transport, PrivateTo = AuthorityA },
            new SseActor { Id = PrivateIdsOfA[1], Name = PrivateNamesOfA[1], LegalForm = LegalForm.Association, PrivateTo = AuthorityA },
            new Policy { Id = PrivateIdsOfA[2], Name = PrivateNamesOfA[2], Instrument = Instrument.CallForProjects, Domains = [PolicyDomain.Transport], PrivateTo = AuthorityA },
            new Service { Id = "zorglubb:svc-social", Name = "ZorglubB solidarités", Domain = PolicyDomain.Social, PrivateTo = AuthorityB },
        ];
        static RelationSet PartOf(string authority) => new(LinkType.PartOf, "authorityId", [authority]);
        var upserts = nodes.Select((n, i) => new NodeUpsert(n, ["input", i])
        {
            Relations = n switch
            {
                Service s => [PartOf(s.PrivateTo ?? AuthorityA), new RelationSet(LinkType.WorksOn, "themeIds", [theme])],
                SseActor => [new RelationSet(LinkType.WorksOn, "themeIds", [theme])],
                Policy => [new RelationSet(LinkType.Owns, "ownerId", ["svc:pa-social"], Incoming: true)],
                _ => [],
            },
        }).ToList();
        static LinkUpsert Coop(string id, string source, string target, string? privateTo = null) => new(new Link
        {
            Id = id, Type = LinkType.CooperatesWith, SourceId = source, TargetId = target, CooperationKind = CooperationKind.SharedProject,
            Intensity = 3, PrivateTo = privateTo,
        }, true, ["links", 0]);
        var batch = new GraphBatch
        {
            Nodes = upserts,
            Links =
            [
                Coop(PrivateIdsOfA[3], "svc:pa-social", PrivateIdsOfA[0]),
                Coop(PrivateIdsOfA[4], PrivateIdsOfA[0], PrivateIdsOfA[1]),
                Coop(PrivateIdsOfA[5], "sse:pub-velo", "sse:pub-epicerie", AuthorityA),
                new(new Link { Id = PrivateIdsOfA[6], Type = LinkType.Funds, SourceId = "svc:pa-social", TargetId = "sse:pub-epicerie", Amount = 12_000, Year = 2025, Instrument = Instrument.Subsidy, PrivateTo = AuthorityA }, true, ["links", 0]),
                new(new Link { Id = PrivateIdsOfA[7], Type = LinkType.AppliedTo, SourceId = "sse:pub-velo", TargetId = PrivateIdsOfA[2], Year = 2025 }, true, ["links", 0]),
                Coop("zorglubb:coop", "zorglubb:svc-social", "sse:pub-velo"),
            ],
        };
        return withPrivateDataOfA ? batch : batch with
        {
            Nodes = batch.Nodes.Where(u => u.Node.PrivateTo != AuthorityA).ToList(),
            Links = batch.Links.Where(l => !PrivateIdsOfA.Contains(l.Link.Id)).ToList(),
        };
    }
}

/// <summary>The same instance, keys included, without A's private data ever written.</summary>
public sealed class WithoutPrivateDataFactory : PrivateDataFactory
{
    protected override bool WithPrivateDataOfA => false;
}
