using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Tests;

/// <summary>Every configuration section is validated when the host starts: a bad value stops the start, naming it.</summary>
public sealed class ConfigurationValidationTests
{
    private sealed class SettingsFactory(string key, string value) : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting(key, value);
    }

    [Theory]
    [InlineData("Api:Limits:MaxDepth", "0", "MaxDepth")]
    [InlineData("Api:Limits:TimeoutSeconds", "-5", "TimeoutSeconds")]
    [InlineData("Api:RateLimits:PerKeyPerMinute", "0", "PerKeyPerMinute")]
    [InlineData("Api:Cors:Origins:0", "observatoire.example.org/path", "Api:Cors:Origins")]
    [InlineData("Graph:Provider", "Postgres", "Graph:Provider")]
    [InlineData("Graph:Embedded:Path", " ", "Graph:Embedded:Path")]
    public async Task ABadValue_StopsTheStart_NamingIt(string key, string value, string named)
    {
        await using var factory = new SettingsFactory(key, value);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(failure is OptionsValidationException ? failure : failure.InnerException ?? failure);
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueOfTheWrongForm_StopsTheStart()
    {
        await using var factory = new SettingsFactory("Api:AllowAnonymousRead", "perhaps");

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("AllowAnonymousRead", failure.ToString(), StringComparison.Ordinal);
    }
}
