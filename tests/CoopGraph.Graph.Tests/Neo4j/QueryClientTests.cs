using System.Diagnostics;
using System.Text;
using CoopGraph.Graph.Neo4j.QueryApi;
using CoopGraph.Graph.Options;
using CoopGraph.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoopGraph.Graph.Tests.Neo4j;

/// <summary>The Query API client against a local HTTP server answering as Neo4j does, and against ones that refuse or hang.</summary>
public sealed class QueryClientTests
{
    private const string Password = "s3cret-pass-9";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly CypherStatement Statement = new("test", "MATCH (n:Node {id: $id}) RETURN n.id AS id");

    // The scripted server answers at once; a tight default timeout would turn a slow CI machine into a false
    // "unavailable". Only the stalling tests time out, and they set their own.
    private static Neo4jQueryClient Client(Uri uri, int maxRetries = 2, double timeoutSeconds = 30)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<Neo4jOptions>().Configure(o =>
        {
            (o.Uri, o.User, o.Password) = (uri, "neo4j", Password);
            (o.MaxRetries, o.RequestTimeoutSeconds) = (maxRetries, timeoutSeconds);
        });
        services.AddNeo4jQueryClient();
        return services.BuildServiceProvider().GetRequiredService<Neo4jQueryClient>();
    }

    private static string Errors(string code) => $$"""{"errors":[{"code":"{{code}}","message":"as Neo4j says"}]}""";

    [Fact]
    public async Task Run_PostsTheStatementWithPlainParameters_CredentialsAndTypedAccept()
    {
        await using var server = await ScriptedNeo4j.StartAsync(_ => ScriptedResponse.Accepted(
            """{"data":{"fields":["id"],"values":[[{"$type":"String","_value":"sse:a"}]]},"bookmarks":["FB:1"]}"""));
        var parameters = new Dictionary<string, object?>
        {
            ["id"] = "sse:a", ["take"] = 21, ["seq"] = 9_007_199_254_740_993L, ["none"] = null, ["ids"] = new[] { "a", "b" },
            ["rows"] = new List<Dictionary<string, object?>> { new() { ["flag"] = true } },
        };

        var result = await Client(server.Uri).RunAsync(Statement, parameters, AccessMode.Read, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:" + Password)), request.Headers["authorization"]);
        Assert.Contains("application/vnd.neo4j.query", request.Headers["accept"]);
        Assert.StartsWith("application/json", request.Headers["content-type"]);
        Assert.Equal(Statement.Text, request.Statement);
        Assert.Equal("Read", request.Json!["accessMode"]!.GetValue<string>());
        Assert.Equal(
            """{"id":"sse:a","take":21,"seq":9007199254740993,"none":null,"ids":["a","b"],"rows":[{"flag":true}]}""",
            request.Json!["parameters"]!.ToJsonString());
        Assert.Equal("sse:a", result.Scalar());
    }

    [Fact]
    public void Parameters_OfUnplannedTypes_AreRefused_NotGuessed()
    {
        using var buffer = new MemoryStream();
        using var writer = new System.Text.Json.Utf8JsonWriter(buffer);

        Assert.Throws<ArgumentException>(() => ParameterWriter.WriteValue(writer, 3.5m));
        Assert.Throws<ArgumentException>(() => ParameterWriter.WriteValue(writer, new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public async Task ATransaction_RunsAndCommitsOnItsOwnPath_EchoingTheClusterAffinity()
    {
        await using var server = await ScriptedNeo4j.StartAsync(r => r.Path switch
        {
            "/db/neo4j/query/v2/tx" => new ScriptedResponse(202, """{"transaction":{"id":"9c1f4e2a","expires":"2025-06-01T10:15:30Z"}}""", new Dictionary<string, string> { ["neo4j-cluster-affinity"] = "member-2" }),
            "/db/neo4j/query/v2/tx/9c1f4e2a/commit" => ScriptedResponse.Accepted("""{"bookmarks":["FB:2"]}"""),
            _ => ScriptedResponse.Accepted("""{"data":{"fields":["id"],"values":[]},"transaction":{"id":"9c1f4e2a","expires":"2025-06-01T10:16:30Z"}}"""),
        });

        await using (var transaction = await Client(server.Uri).BeginAsync(AccessMode.Write, Ct))
        {
            await transaction.RunAsync(Statement, new Dictionary<string, object?> { ["id"] = "x" }, Ct);
            await transaction.CommitAsync(Ct);
        }

        var requests = server.Requests.ToList();
        Assert.Equal(["/db/neo4j/query/v2/tx", "/db/neo4j/query/v2/tx/9c1f4e2a", "/db/neo4j/query/v2/tx/9c1f4e2a/commit"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal("POST", r.Method));
        Assert.Equal("Write", requests[0].Json!["accessMode"]!.GetValue<string>());
        Assert.Equal(["member-2", "member-2"], requests.Skip(1).Select(r => r.Headers["neo4j-cluster-affinity"]));
    }

    [Fact]
    public async Task ATransactionLeftWithoutCommit_IsRolledBack_ButNotOneTheServerAlreadyDropped()
    {
        await using var server = await ScriptedNeo4j.StartAsync(r => r.Path switch
        {
            "/db/neo4j/query/v2/tx" => ScriptedResponse.Accepted("""{"transaction":{"id":"t1","expires":"2025-06-01T10:15:30Z"}}"""),
            _ when r.Method == "DELETE" => new ScriptedResponse(200, ""),
            _ when r.Statement == "FAIL" => ScriptedResponse.Accepted("""{"data":{"fields":[],"values":[]},"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input"}]}"""),
            _ => ScriptedResponse.Empty,
        });
        var client = Client(server.Uri);

        await using (var transaction = await client.BeginAsync(AccessMode.Write, Ct))
        {
            await transaction.RunAsync(Statement, null, Ct);
        }
        var afterAbandon = server.Requests.Count(r => r.Method == "DELETE");
        var failure = await Assert.ThrowsAsync<Neo4jException>(async () =>
        {
            await using var transaction = await client.BeginAsync(AccessMode.Write, Ct);
            await transaction.RunAsync(new CypherStatement("bad", "FAIL"), null, Ct);
        });

        Assert.Equal(1, afterAbandon);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", failure.Code);
        Assert.Equal(1, server.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task AnExpiredTransaction_IsGone()
    {
        await using var server = await ScriptedNeo4j.StartAsync(r => r.Path.EndsWith("/tx", StringComparison.Ordinal)
            ? ScriptedResponse.Accepted("""{"transaction":{"id":"old","expires":"2025-06-01T10:15:30Z"}}""")
            : new ScriptedResponse(404, Errors("Neo.ClientError.Request.Invalid").Replace("as Neo4j says", "Transaction with Id: \\\"old\\\" was not found. It may have timed out")));

        await using var transaction = await Client(server.Uri).BeginAsync(AccessMode.Write, Ct);

        await Assert.ThrowsAsync<Neo4jTransactionGoneException>(() => transaction.RunAsync(Statement, null, Ct));
    }

    [Fact]
    public async Task RefusedCredentials_MakeTheStoreUnavailable_WithoutThePassword()
    {
        await using var server = await ScriptedNeo4j.StartAsync(_ => new ScriptedResponse(401, Errors("Neo.ClientError.Security.Unauthorized")));

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(server.Uri).RunAsync(Statement, null, AccessMode.Read, Ct));

        Assert.Contains("credentials", e.Message);
        Assert.DoesNotContain(Password, e.ToString());
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(400, "Neo.TransientError.General.DatabaseUnavailable")]
    [InlineData(404, "Neo.ClientError.Database.DatabaseNotFound")]
    public async Task ADatabaseThatIsNotThere_IsUnavailable(int status, string code)
    {
        await using var server = await ScriptedNeo4j.StartAsync(_ => new ScriptedResponse(status, Errors(code)));

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(server.Uri).RunAsync(Statement, null, AccessMode.Read, Ct));

        Assert.Contains(code, e.Message);
    }

    [Fact]
    public async Task ServiceUnavailable_IsRetried_ThenReported()
    {
        await using var server = await ScriptedNeo4j.StartAsync(_ => new ScriptedResponse(503, ""));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(server.Uri, maxRetries: 2).RunAsync(Statement, null, AccessMode.Write, Ct));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ServiceUnavailable_ThenAnswer_Succeeds()
    {
        var calls = 0;
        await using var server = await ScriptedNeo4j.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new ScriptedResponse(503, "")
            : ScriptedResponse.Accepted("""{"data":{"fields":["n"],"values":[[{"$type":"Integer","_value":"7"}]]}}"""));

        var result = await Client(server.Uri).RunAsync(Statement, null, AccessMode.Write, Ct);

        Assert.Equal(7L, result.Scalar());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ClientErrors_AreNotRetried()
    {
        await using var server = await ScriptedNeo4j.StartAsync(_ => new ScriptedResponse(400, Errors("Neo.ClientError.Statement.SyntaxError")));

        var e = await Assert.ThrowsAsync<Neo4jException>(() => Client(server.Uri).RunAsync(Statement, null, AccessMode.Write, Ct));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AServerErrorWithoutBody_IsUnavailability_OneWithACode_IsThatError()
    {
        await using var bare = await ScriptedNeo4j.StartAsync(_ => new ScriptedResponse(500, ""));
        await using var coded = await ScriptedNeo4j.StartAsync(_ => new ScriptedResponse(500, Errors("Neo.DatabaseError.General.UnknownError")));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(bare.Uri).RunAsync(Statement, null, AccessMode.Read, Ct));
        var e = await Assert.ThrowsAsync<Neo4jException>(() => Client(coded.Uri).RunAsync(Statement, null, AccessMode.Read, Ct));

        Assert.Equal("Neo.DatabaseError.General.UnknownError", e.Code);
    }

    [Fact]
    public async Task ARefusedConnection_IsUnavailability()
    {
        var nobody = new Uri($"http://127.0.0.1:{ScriptedNeo4j.FreePort()}/");

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(nobody, maxRetries: 1).RunAsync(Statement, null, AccessMode.Read, Ct));

        Assert.Contains("does not answer", e.Message);
    }

    [Fact]
    public async Task AServerThatHangs_IsUnavailability_AfterTheRequestTimeout_NotRetried()
    {
        using var hanging = new StallingListener();
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(hanging.Uri, maxRetries: 3, timeoutSeconds: 0.5).RunAsync(Statement, null, AccessMode.Write, Ct));

        Assert.Contains("timed out", e.Message);
        // One attempt of 0.5 s, not four: a write that timed out may have been applied, so it is not sent again.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task ACancellationByTheCaller_IsACancellation_NotUnavailability()
    {
        using var hanging = new StallingListener();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(hanging.Uri, timeoutSeconds: 30).RunAsync(Statement, null, AccessMode.Read, cancel.Token));
    }

    [Fact]
    public async Task WhileNeo4jIsDown_RequestsFailFast_AndTheClientRecoversWhenItIsBack()
    {
        var port = ScriptedNeo4j.FreePort();
        var client = Client(new Uri($"http://127.0.0.1:{port}/"), maxRetries: 1);
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Statement, null, AccessMode.Read, Ct));
        }
        var open = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Statement, null, AccessMode.Read, Ct));

        await using var server = await ScriptedNeo4j.StartAsync(_ => ScriptedResponse.Accepted(
            """{"data":{"fields":["n"],"values":[[{"$type":"Integer","_value":"1"}]]}}"""), port);
        object? answer = null;
        var recovered = await Eventually.HoldsAsync(async () =>
        {
            try
            {
                answer = (await client.RunAsync(Statement, null, AccessMode.Read, Ct)).Scalar();
                return true;
            }
            catch (StoreUnavailableException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250));

        Assert.Contains("recent requests failed", open.Message);
        Assert.True(recovered);
        Assert.Equal(1L, answer);
    }
}
