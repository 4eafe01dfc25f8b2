using Snapshooter.Xunit;

namespace CoopGraph.Api.Tests;

public sealed class SchemaTests(CoopGraphFactory factory) : IClassFixture<CoopGraphFactory>
{
    [Fact]
    public async Task Schema_IsServedAsSdl_AndMatchesTheReviewedSnapshot()
    {
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/graphql/schema.graphql");
        var sdl = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        Snapshot.Match(sdl);
    }

    [Theory]
    [InlineData("interface Node {")]
    [InlineData("interface Actor implements Node {")]
    [InlineData("type Service implements Node & Actor {")]
    [InlineData("enum ActorKind {")]
    [InlineData("SSE_ACTOR")]
    [InlineData("COOPERATES_WITH")]
    [InlineData("FOOD_AGRICULTURE")]
    [InlineData("filter: ActorFilter,")]
    [InlineData("upsertActors(")]
    [InlineData("input: [ActorInput!]!): WritePayload!")]
    public async Task Schema_HoldsTheContractNames(string fragment)
    {
        var sdl = await factory.CreateClient().GetStringAsync("/graphql/schema.graphql");

        Assert.Contains(fragment, sdl);
    }
}
