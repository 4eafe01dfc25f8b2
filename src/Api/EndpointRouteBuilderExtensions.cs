using CoopGraph.Api.Http;
using CoopGraph.Api.Options;
using GraphQL;
using GraphQL.Types;

namespace Microsoft.AspNetCore.Builder;

public static class CoopGraphEndpoints
{
    public const string GraphQLPath = "/graphql";

    public static WebApplication MapCoopGraph(this WebApplication app)
    {
        app.UseClientClosedRequests();
        app.UseStoreUnavailableResponses();
        app.UseCors(CorsOptions.Policy);
        app.UseRateLimiter();
        // After the limiter: a flood of made-up keys is refused before any of them is looked up.
        app.UseAuthentication();
        app.MapCoopGraphExplorer();
        app.MapMethods(GraphQLPath, [HttpMethods.Get, HttpMethods.Post], GraphQLHttpEndpoint.HandleAsync);
        app.MapPost(GraphQLStreamEndpoint.Path, GraphQLStreamEndpoint.HandleAsync);
        app.MapGet(GraphQLPath + "/schema.graphql", (ISchema schema) => Results.Text(schema.Print(), "text/plain", System.Text.Encoding.UTF8));
        app.MapCoopGraphInterchange();
        app.MapCoopGraphHealth();
#if BENCH_ENDPOINTS
        CoopGraph.Api.Bench.CeilingEndpoint.MapCoopGraphCeiling(app);
#endif
        return app;
    }
}
