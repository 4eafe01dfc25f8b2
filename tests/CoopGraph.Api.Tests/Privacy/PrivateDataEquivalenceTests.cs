using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.Privacy;

/// <summary>
/// Private data leaks through numbers too (a count, a share, a score, an order). So every read field of the schema,
/// asked about public ids and without ids, must give anyone but A the same answer on the graph holding A's private
/// data as on the same graph where it was never written: two viewers asking the same question get the answers of
/// their own graphs.
/// </summary>
public sealed partial class PrivateDataEquivalenceTests(PrivateDataFactory withA, WithoutPrivateDataFactory withoutA)
    : IClassFixture<PrivateDataFactory>, IClassFixture<WithoutPrivateDataFactory>
{
    // What differs between two instances whatever they hold: times, store versions, cursors (write order); fields
    // inside a type's fragment are aliased "Type_field".
    [GeneratedRegex("\"((?:\\w+_)?(?:createdAt|updatedAt|builtAt|at|version|projectionVersion|cursor|endCursor|startCursor))\":(\"[^\"]*\"|\\d+)")]
    private static partial Regex Volatile();

    private static async Task<string> AskAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.DoesNotContain("GRAPHQL_VALIDATION_FAILED", body, StringComparison.Ordinal);
        return Volatile().Replace(body, "\"$1\":\"*\"");
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("bound to B")]
    [InlineData("bound to no authority")]
    public async Task EveryAnswer_IsTheAnswerOfTheGraphWithoutThePrivateDataOfA(string who)
    {
        string? KeyOf(PrivateDataFactory factory) => who switch
        {
            "bound to B" => factory.KeyOfB,
            "bound to no authority" => factory.UnboundKey,
            _ => null,
        };
        using var onWith = withA.ClientWith(KeyOf(withA));
        using var onWithout = withoutA.ClientWith(KeyOf(withoutA));
        var queries = ReadQueryGenerator.ForEveryReadField(withA.Services.GetRequiredService<ISchema>());

        var compared = 0;
        foreach (var query in queries)
        {
            var texts = query.TakesId
                ? PrivateDataFactory.PublicIds.Select(id => query.Text.Replace(ReadQueryGenerator.IdPlaceholder, id, StringComparison.Ordinal))
                : [query.Text];
            foreach (var text in texts)
            {
                var expected = await AskAsync(onWithout, text);
                var actual = await AskAsync(onWith, text);
                Assert.True(expected == actual, $"{query.Field} as {who} differs with A's private data:\n{actual}\n---\n{expected}");
                compared++;
            }
        }
        Assert.True(compared > queries.Count, $"{compared} answers compared");
    }
}
