using System.Net.Http.Json;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Api.Tests.Privacy;

/// <summary>
/// Every read field of the schema, generated from it, asked by viewers who must not see A's private data — anonymous,
/// a key bound to B, a key bound to none — with its id arguments pointing at each of A's private ids (and at public
/// ids whose answers A's data would change). No answer may name A's private data; an answer about a private id must
/// be the answer about an id that does not exist. As A, the same questions do show A's data: the probe can fail.
/// </summary>
public sealed class PrivateDataLeakTests(PrivateDataFactory factory) : IClassFixture<PrivateDataFactory>
{
    /// <summary>An id that does not exist, as long as <paramref name="like"/> (error locations then fall on the same columns).</summary>
    private static string MissingLike(string like) => "missing:" + new string('x', Math.Max(1, like.Length - 8));

    private IReadOnlyList<ReadQueryGenerator.GeneratedQuery> Queries() =>
        ReadQueryGenerator.ForEveryReadField(factory.Services.GetRequiredService<ISchema>());

    private static async Task<string> AskAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {query[..Math.Min(200, query.Length)]}: {body}");
        // A generated query the server refuses would prove nothing: every one must be valid.
        Assert.DoesNotContain("GRAPHQL_VALIDATION_FAILED", body, StringComparison.Ordinal);
        return body;
    }

    /// <summary>Each query, once per probed id (private ids of A, public ids), or once when it takes none.</summary>
    private static IEnumerable<(string Field, string Id, string Query)> Probes(IReadOnlyList<ReadQueryGenerator.GeneratedQuery> queries)
    {
        foreach (var query in queries)
        {
            if (!query.TakesId)
            {
                yield return (query.Field, "", query.Text);
                continue;
            }
            foreach (var id in PrivateDataFactory.PrivateIdsOfA.Concat(PrivateDataFactory.PublicIds))
            {
                yield return (query.Field, id, query.Text.Replace(ReadQueryGenerator.IdPlaceholder, id, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void TheGenerator_CoversEveryReadField_AndProbesIdArguments()
    {
        var queries = Queries();

        // Every root field a viewer can read; a field added later is in this list without anyone adding it.
        Assert.Equal(
            factory.Services.GetRequiredService<ISchema>().Query.Fields.Select(f => f.Name).Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Order(),
            queries.Select(q => q.Field).Distinct().Order());
        Assert.Contains(queries, q => q.Field == "actor" && q.TakesId);
        Assert.Contains(queries, q => q.Field == "cooperationGaps" && q.TakesId);
        Assert.Contains(queries, q => q.Field == "search" && !q.TakesId);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("bound to B")]
    [InlineData("bound to no authority")]
    public async Task NoReadField_ShowsAnotherAuthoritysPrivateData(string who)
    {
        var key = who switch
        {
            "bound to B" => factory.KeyOfB,
            "bound to no authority" => factory.UnboundKey,
            _ => null,
        };
        using var client = factory.ClientWith(key);

        foreach (var (field, id, query) in Probes(Queries()))
        {
            var body = await AskAsync(client, query);
            if (!PrivateDataFactory.PrivateIdsOfA.Contains(id))
            {
                Assert.DoesNotContain("zorgluba", body, StringComparison.OrdinalIgnoreCase);
                continue;
            }
            // The id asked about is echoed where an unknown id is (a "not found" message): what matters is that the
            // answer is, word for word, the answer about an id that does not exist.
            var missing = MissingLike(id);
            var compared = body.Replace(id, missing, StringComparison.Ordinal);
            var asMissing = await AskAsync(client, query.Replace(id, missing, StringComparison.Ordinal));
            Assert.DoesNotContain("zorgluba", compared, StringComparison.OrdinalIgnoreCase);
            Assert.True(asMissing == compared, $"{field}({id}) as {who} answers otherwise than for an id that does not exist:\n{compared}\n---\n{asMissing}");
        }
    }

    [Fact]
    public async Task TheSameQuestions_ShowAsPrivateData_ToItsOwnKey()
    {
        using var client = factory.ClientWith(factory.KeyOfA);
        var answers = new List<(string Id, string Body)>();

        foreach (var (_, id, query) in Probes(Queries()))
        {
            answers.Add((id, await AskAsync(client, query)));
        }

        // Each private id shows in an answer about something else (its neighbours, a listing, an analysis), not only as an echo.
        Assert.All(PrivateDataFactory.PrivateIdsOfA, id =>
            Assert.Contains(answers, a => a.Id != id && a.Body.Contains(id, StringComparison.Ordinal)));
        Assert.All(PrivateDataFactory.PrivateNamesOfA, name =>
            Assert.Contains(answers, a => a.Body.Contains(name, StringComparison.Ordinal)));
        Assert.DoesNotContain(answers, a => a.Body.Contains("ZorglubB", StringComparison.Ordinal));
    }
}
