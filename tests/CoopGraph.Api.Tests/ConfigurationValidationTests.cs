using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoopGraph.Api.Tests;

/// <summary>
/// Every configuration section is validated when the host starts: a bad value stops the start, naming it. The host is
/// built here with the app's own registrations and started directly, so that its failure is the one observed.
/// </summary>
public sealed class ConfigurationValidationTests
{
    private static async Task<Exception> StartFailureAsync(string key, string value)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coopgraph-config-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Graph:Embedded:Path"] = Path.Combine(folder, "graph.db"),
                ["Graph:SeedDemo"] = "false",
                [key] = value,
            });
            builder.Services.AddCoopGraphGraph(builder.Configuration);
            builder.Services.AddCoopGraphApi(builder.Configuration);
            await using var app = builder.Build();
            app.MapCoopGraph();
            return await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
            if (exception is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
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
        var failure = await StartFailureAsync(key, value);

        var validation = Causes(failure).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, failure.ToString());
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueOfTheWrongForm_StopsTheStart()
    {
        var failure = await StartFailureAsync("Api:AllowAnonymousRead", "perhaps");

        Assert.Contains("AllowAnonymousRead", failure.ToString(), StringComparison.Ordinal);
    }
}
