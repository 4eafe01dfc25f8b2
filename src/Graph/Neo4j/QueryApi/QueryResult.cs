namespace CoopGraph.Graph.Neo4j.QueryApi;

/// <summary>What a statement returned: columns, rows of values (see <see cref="TypedJson"/>), bookmarks, and the transaction's state.</summary>
public sealed record QueryResult(
    IReadOnlyList<string> Fields,
    IReadOnlyList<object?[]> Rows,
    IReadOnlyList<string> Bookmarks,
    IReadOnlyDictionary<string, object?>? Counters,
    TransactionInfo? Transaction)
{
    public static QueryResult Empty { get; } = new([], [], [], null, null);

    /// <summary>The index of a column, by its name in RETURN.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == name)
            {
                return i;
            }
        }
        throw new Neo4jProtocolException($"The result has no column '{name}' (it has {string.Join(", ", Fields)}).");
    }

    /// <summary>The single value of a one-row, one-column result, or the default when there is no row.</summary>
    public object? Scalar() => Rows.Count == 0 ? null : Rows[0][0];
}

/// <param name="Expires">When the server will roll the transaction back if no request extends it.</param>
public sealed record TransactionInfo(string Id, DateTimeOffset? Expires);
