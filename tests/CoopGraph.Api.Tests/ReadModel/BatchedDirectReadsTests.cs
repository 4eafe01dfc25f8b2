namespace CoopGraph.Api.Tests.ReadModel;

/// <summary>
/// The direct executer on reads from the store (as at national scale, where the graph is too large for the read model):
/// loads are batched round by round, so it answers GraphQL.NET's answers in as few store calls as GraphQL.NET makes.
/// </summary>
public sealed class BatchedDirectReadsTests() : DirectReadsComparison(readModel: false)
{
    [Fact]
    public async Task EntityReads_FromTheStore_TakeNoMoreStoreCalls_ThanGraphQLNet()
    {
        foreach (var (query, variables) in Served)
        {
            var direct = await FewestCallsAsync(Direct, query, variables);
            var executer = await FewestCallsAsync(Executer, query, variables);
            Assert.True(direct <= executer, $"{direct} store calls against GraphQL.NET's {executer}: {query}");
        }
        // The actor page asks for its links' ends, its services' authority and the authority's services: each level's
        // keys go to the store together, as one call a level and a kind of read.
        Assert.InRange(await FewestCallsAsync(Direct, Served[0].Query, Served[0].Variables), 3, 12);
    }

    /// <summary>
    /// The store calls one request makes, once its document is known (a first request validates it): the fewest of three,
    /// since the server's own background reads (its projection) may add some while a request runs, never take any away.
    /// </summary>
    private static async Task<int> FewestCallsAsync(App app, string query, object? variables)
    {
        await AnswerAsync(app, query, variables);
        var fewest = int.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            app.Counter!.Reset();
            await AnswerAsync(app, query, variables);
            fewest = Math.Min(fewest, app.Counter.Calls);
        }
        return fewest;
    }
}
