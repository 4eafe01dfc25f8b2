using System.Globalization;
using System.Text.Json;

namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>
/// Reads a Query API response body. Errors are checked whatever the HTTP status: a failure while rows stream comes with
/// 202 and an <c>errors</c> array after the partial data.
/// </summary>
public static class QueryResponseReader
{
    public static QueryResult Read(ReadOnlyMemory<byte> body, bool insideTransaction = false)
    {
        if (body.IsEmpty)
        {
            return QueryResult.Empty;
        }
        using var document = ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new Neo4jProtocolException("The response is not a JSON object.");
        }
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            throw ToException(errors[0], insideTransaction);
        }

        IReadOnlyList<string> fields = [];
        var rows = new List<object?[]>();
        if (root.TryGetProperty("data", out var data))
        {
            fields = data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
            foreach (var row in data.GetProperty("values").EnumerateArray())
            {
                var values = new object?[fields.Count];
                var i = 0;
                foreach (var value in row.EnumerateArray())
                {
                    if (i == values.Length)
                    {
                        throw new Neo4jProtocolException("A row has more values than the result has fields.");
                    }
                    values[i++] = TypedJson.Read(value);
                }
                rows.Add(values);
            }
        }
        var bookmarks = root.TryGetProperty("bookmarks", out var b) ? b.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        IReadOnlyDictionary<string, object?>? counters = root.TryGetProperty("counters", out var c)
            ? c.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal)
            : null;
        TransactionInfo? transaction = null;
        if (root.TryGetProperty("transaction", out var t))
        {
            var expires = t.TryGetProperty("expires", out var e) && e.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
            transaction = new TransactionInfo(t.GetProperty("id").GetString()!, expires);
        }
        return new QueryResult(fields, rows, bookmarks, counters, transaction);
    }

    /// <summary>The first error of an <c>errors</c> array, when a body has one (for responses that are not results).</summary>
    public static Neo4jException? ErrorOf(ReadOnlyMemory<byte> body, bool insideTransaction)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                ? ToException(errors[0], insideTransaction)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Parsed where the bytes lie: an export page can be megabytes, and a copy of it per response is work for nothing.
    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new Neo4jProtocolException("The response is not JSON: " + e.Message);
        }
    }

    private static Neo4jException ToException(JsonElement error, bool insideTransaction)
    {
        var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        var gone = code is "Neo.ClientError.Transaction.TransactionNotFound" or "Neo.ClientError.Transaction.TransactionTimedOut"
            or "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" or "Neo.ClientError.Transaction.Terminated"
            || (insideTransaction && code == "Neo.ClientError.Request.Invalid" && message.Contains("transaction", StringComparison.OrdinalIgnoreCase));
        return gone ? new Neo4jTransactionGoneException(code, message) : new Neo4jException(code, message);
    }

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };
}
