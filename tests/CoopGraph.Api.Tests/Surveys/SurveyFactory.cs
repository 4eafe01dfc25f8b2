using CoopGraph.Domain.Model;
using CoopGraph.Domain.Writes;
using CoopGraph.Graph;
using CoopGraph.Graph.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoopGraph.Api.Tests.Surveys;

/// <summary>
/// The real app on its own SQLite file with a clock the tests move (surveys close on dates, and are repeated a year
/// later). Each test makes its own authority (<see cref="AddAuthorityAsync"/>), so tests share nothing but the app.
/// </summary>
public sealed class SurveyFactory : IsolatedAppFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Api:RateLimits:PerAddressPerMinute", "1000000");
        builder.UseSetting("Api:RateLimits:PerKeyPerMinute", "1000000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient ClientWith(string? bearer)
    {
        var client = CreateClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    public Task<string> KeyAsync(string name, ApiScopes scopes, string? authorityId) =>
        Services.GetRequiredService<IApiKeyStore>().CreateAsync(name, scopes, false, authorityId, CancellationToken.None);

    /// <summary>
    /// A public authority with four services private to it — social, transport, culture, education — and, public, an
    /// association working on a social theme; privately, an association of the authority that is not a service.
    /// </summary>
    public async Task<TestAuthority> AddAuthorityAsync(string prefix, bool servicesArePrivate = true)
    {
        var authority = $"auth:{prefix}";
        var theme = $"theme:{prefix}-insertion";
        var services = new[] { ("social", PolicyDomain.Social), ("transport", PolicyDomain.Transport), ("culture", PolicyDomain.Culture), ("education", PolicyDomain.Education) };
        var privateTo = servicesArePrivate ? authority : null;
        var nodes = new List<NodeUpsert>
        {
            new(new Theme { Id = theme, Name = "Insertion", Domain = PolicyDomain.Social }, ["t"]),
            new(new Authority { Id = authority, Name = $"Commune de {prefix}", Level = AuthorityLevel.Commune }, ["a"]),
            new(new SseActor { Id = $"sse:{prefix}-velo", Name = $"Vélo solidaire {prefix}", LegalForm = LegalForm.Association }, ["v"])
            {
                Relations = [new RelationSet(LinkType.WorksOn, "themeIds", [theme])],
            },
            new(new SseActor { Id = $"sse:{prefix}-hidden", Name = $"Association interne {prefix}", LegalForm = LegalForm.Association, PrivateTo = authority }, ["h"]),
        };
        nodes.AddRange(services.Select(s => new NodeUpsert(
            new Service { Id = $"svc:{prefix}-{s.Item1}", Name = $"Direction {s.Item1} {prefix}", Domain = s.Item2, PrivateTo = privateTo }, ["s"])
        {
            Relations = [new RelationSet(LinkType.PartOf, "authorityId", [authority])],
        }));
        var result = await Services.GetRequiredService<IGraphStore>().WriteAsync(new GraphBatch { Nodes = nodes }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var key = await KeyAsync($"manager-{prefix}", ApiScopes.Read | ApiScopes.Write, authority);
        return new TestAuthority(authority, prefix, key);
    }
}

public sealed record TestAuthority(string Id, string Prefix, string ManagerKey)
{
    public string Social => $"svc:{Prefix}-social";
    public string Transport => $"svc:{Prefix}-transport";
    public string Culture => $"svc:{Prefix}-culture";
    public string Education => $"svc:{Prefix}-education";
    public string Velo => $"sse:{Prefix}-velo";
    public string Hidden => $"sse:{Prefix}-hidden";
    public string Theme => $"theme:{Prefix}-insertion";
}
