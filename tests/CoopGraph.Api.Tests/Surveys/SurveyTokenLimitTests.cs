using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace CoopGraph.Api.Tests.Surveys;

/// <summary>Invitation tokens are rate-limited as keys are: per token, whatever address they come from.</summary>
public sealed class SurveyTokenLimitTests(SurveyTokenLimitTests.PerKeyFactory factory) : IClassFixture<SurveyTokenLimitTests.PerKeyFactory>
{
    [Fact]
    public async Task EachToken_HasItsOwnAllowance()
    {
        using var first = factory.CreateClient();
        first.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sv_" + new string('a', 43));
        using var second = factory.CreateClient();
        second.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sv_" + new string('b', 43));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await first.PostRawAsync("""{"query":"{ surveyForm { service { id } } }"}""");
            statuses.Add(response.StatusCode);
        }
        using var other = await second.PostRawAsync("""{"query":"{ surveyForm { service { id } } }"}""");

        // Unknown tokens: 401 while within the allowance, then 429; another token still has its own.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    public sealed class PerKeyFactory : IsolatedAppFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Graph:SeedDemo", "false");
            builder.UseSetting("Api:RateLimits:PerKeyPerMinute", "2");
        }
    }
}
