using System.Text;
using CoopGraph.Graph.Neo4j.QueryApi;

namespace CoopGraph.Graph.Tests.Neo4j;

/// <summary>Response bodies written from the Query API's documented typed-JSON format, one per kind of value and of failure.</summary>
public sealed class QueryResponseReaderTests
{
    private static QueryResult Read(string json, bool insideTransaction = false) => QueryResponseReader.Read(Encoding.UTF8.GetBytes(json), insideTransaction);

    private static object? Value(string typed) => Read("""{"data":{"fields":["v"],"values":[[""" + typed + "]]}}").Scalar();

    [Fact]
    public void ScalarKinds_MapToExactClrValues()
    {
        Assert.Null(Value("""{"$type":"Null","_value":null}"""));
        Assert.Equal(true, Value("""{"$type":"Boolean","_value":true}"""));
        Assert.Equal(9_007_199_254_740_993L, Value("""{"$type":"Integer","_value":"9007199254740993"}"""));
        Assert.Equal(-42L, Value("""{"$type":"Integer","_value":"-42"}"""));
        Assert.Equal(4.56, Value("""{"$type":"Float","_value":"4.56"}"""));
        Assert.Equal(1.0E10, Value("""{"$type":"Float","_value":"1.0E10"}"""));
        Assert.True(double.IsNaN((double)Value("""{"$type":"Float","_value":"NaN"}""")!));
        Assert.Equal(double.NegativeInfinity, Value("""{"$type":"Float","_value":"-Infinity"}"""));
        Assert.Equal("Épicerie « solidaire »", Value("""{"$type":"String","_value":"Épicerie « solidaire »"}"""));
        Assert.Equal(new byte[] { 1, 2, 3 }, Value("""{"$type":"Base64","_value":"AQID"}"""));
    }

    [Fact]
    public void TemporalKinds_KeepTheirKind_AndJavasNanoseconds()
    {
        Assert.Equal(new DateOnly(2019, 9, 1), Value("""{"$type":"Date","_value":"2019-09-01"}"""));
        Assert.Equal(new TimeOnly(12, 50, 35, 556), Value("""{"$type":"LocalTime","_value":"12:50:35.556"}"""));
        Assert.Equal(new OffsetTime(new TimeOnly(12, 50, 35, 556), TimeSpan.FromHours(1)), Value("""{"$type":"Time","_value":"12:50:35.556+01:00"}"""));
        Assert.Equal(new OffsetTime(new TimeOnly(8, 0), TimeSpan.Zero), Value("""{"$type":"Time","_value":"08:00Z"}"""));
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0).AddTicks(1234567), Value("""{"$type":"LocalDateTime","_value":"2024-05-01T10:00:00.123456789"}"""));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)), Value("""{"$type":"OffsetDateTime","_value":"2024-05-01T10:00:00+02:00"}"""));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), Value("""{"$type":"OffsetDateTime","_value":"2024-05-01T08:00Z"}"""));
        Assert.Equal(
            new ZonedDateTime(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)), "Europe/Paris"),
            Value("""{"$type":"ZonedDateTime","_value":"2024-05-01T10:00:00+02:00[Europe/Paris]"}"""));
        Assert.Equal(new CypherDuration("P14DT16H12M"), Value("""{"$type":"Duration","_value":"P14DT16H12M"}"""));
    }

    [Fact]
    public void Points_AreReadFromWkt_AndFromTheOlderObjectForm()
    {
        Assert.Equal(new CypherPoint(4326, 2.35, 48.85, null), Value("""{"$type":"Point","_value":"SRID=4326;POINT (2.35 48.85)"}"""));
        Assert.Equal(new CypherPoint(4979, 2.35, 48.85, 35), Value("""{"$type":"Point","_value":"SRID=4979;POINT Z (2.35 48.85 35)"}"""));
        Assert.Equal(new CypherPoint(7203, 1, 2, null), Value("""{"$type":"Point","_value":{"type":"Point","coordinates":[1.0,2.0],"crs":{"srid":7203,"name":"cartesian"}}}"""));
    }

    [Fact]
    public void ListsMapsNodesRelationshipsAndPaths_AreReadRecursively()
    {
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Value("""{"$type":"List","_value":[{"$type":"Integer","_value":"1"},{"$type":"String","_value":"a"},{"$type":"Null","_value":null}]}"""));
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Value("""{"$type":"Map","_value":{"since":{"$type":"Date","_value":"2020-01-31"},"tags":{"$type":"List","_value":[]}}}"""));
        var node = Assert.IsType<CypherNode>(Value("""
            {"$type":"Node","_value":{"_element_id":"4:db:17","_labels":["Node","SseActor"],
             "_properties":{"id":{"$type":"String","_value":"sse:a"},"population":{"$type":"Integer","_value":"120"}}}}
            """));
        var relationship = Assert.IsType<CypherRelationship>(Value("""
            {"$type":"Relationship","_value":{"_element_id":"5:db:3","_start_node_element_id":"4:db:17","_end_node_element_id":"4:db:18",
             "_type":"WORKS_ON","_properties":{"seq":{"$type":"Integer","_value":"9"}}}}
            """));
        var path = Assert.IsType<CypherPath>(Value("""
            {"$type":"Path","_value":[
              {"$type":"Node","_value":{"_element_id":"4:db:17","_labels":["Node"],"_properties":{}}},
              {"$type":"Relationship","_value":{"_element_id":"5:db:3","_start_node_element_id":"4:db:18","_end_node_element_id":"4:db:17","_type":"COOPERATES_WITH","_properties":{}}},
              {"$type":"Node","_value":{"_element_id":"4:db:18","_labels":["Node"],"_properties":{}}}]}
            """));

        Assert.Equal(new object?[] { 1L, "a", null }, list);
        Assert.Equal(new DateOnly(2020, 1, 31), map["since"]);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(map["tags"]));
        Assert.Equal(["Node", "SseActor"], node.Labels);
        Assert.Equal(("sse:a", 120L), ((string)node.Properties["id"]!, (long)node.Properties["population"]!));
        Assert.Equal(("WORKS_ON", "4:db:17", "4:db:18", 9L), (relationship.Type, relationship.StartElementId, relationship.EndElementId, (long)relationship.Properties["seq"]!));
        Assert.Equal(3, path.Elements.Count);
        Assert.Equal("4:db:18", Assert.IsType<CypherRelationship>(path.Elements[1]).StartElementId);
    }

    [Fact]
    public void Rows_FollowTheFieldsInOrder_WithBookmarksCountersAndTransaction()
    {
        var result = Read("""
            {"data":{"fields":["id","degree"],"values":[
               [{"$type":"String","_value":"a"},{"$type":"Integer","_value":"3"}],
               [{"$type":"String","_value":"b"},{"$type":"Integer","_value":"0"}]]},
             "counters":{"containsUpdates":true,"nodesCreated":2,"propertiesSet":7},
             "bookmarks":["FB:kcwQ"],
             "transaction":{"id":"9c1f4e2a","expires":"2025-06-01T10:15:30Z"}}
            """);

        Assert.Equal(["id", "degree"], result.Fields);
        Assert.Equal(1, result.Column("degree"));
        Assert.Equal([["a", 3L], ["b", 0L]], result.Rows.Select(r => r.ToArray()));
        Assert.Equal(["FB:kcwQ"], result.Bookmarks);
        Assert.Equal(2L, result.Counters!["nodesCreated"]);
        Assert.Equal(new TransactionInfo("9c1f4e2a", new DateTimeOffset(2025, 6, 1, 10, 15, 30, TimeSpan.Zero)), result.Transaction);
        Assert.Throws<Neo4jProtocolException>(() => result.Column("missing"));
    }

    [Fact]
    public void ErrorsAfterStreamingStarted_AreThrown_EvenBesidePartialData()
    {
        var e = Assert.Throws<Neo4jException>(() => Read("""
            {"data":{"fields":["id"],"values":[[{"$type":"String","_value":"a"}]]},
             "errors":[{"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"Node(42) already exists with label `Node` and property `id` = 'a'"}]}
            """));

        Assert.True(e.IsConstraintViolation);
        Assert.False(e.IsTransient);
        Assert.Contains("already exists", e.Message);
    }

    [Fact]
    public void TransientErrors_AreMarkedRetryable_AndExpiredTransactionsGone()
    {
        var deadlock = Assert.Throws<Neo4jException>(() => Read("""{"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"}]}"""));
        var expired = Assert.Throws<Neo4jTransactionGoneException>(() => Read(
            """{"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"Transaction with Id: \"9c1f4e2a\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."}]}""",
            insideTransaction: true));

        Assert.True(deadlock.IsTransient);
        Assert.Equal("Neo.ClientError.Request.Invalid", expired.Code);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"data":{"fields":["v"],"values":[[{"_value":1}]]}}""")]
    [InlineData("""{"data":{"fields":["v"],"values":[[{"$type":"Integer"}]]}}""")]
    [InlineData("""{"data":{"fields":["v"],"values":[[{"$type":"Quaternion","_value":"1"}]]}}""")]
    [InlineData("""{"data":{"fields":["v"],"values":[[{"$type":"Null","_value":null},{"$type":"Null","_value":null}]]}}""")]
    public void MalformedBodies_AreProtocolErrors(string body)
    {
        Assert.Throws<Neo4jProtocolException>(() => Read(body));
    }

    [Fact]
    public void AnEmptyBody_IsAnEmptyResult()
    {
        Assert.Same(QueryResult.Empty, Read(""));
    }
}
